/** Blockers' status history: the rules it follows, and the schema 1 → 2 upgrade that derives it. */
import { describe, expect, it } from 'vitest';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_CATEGORY_IDS,
  blockerSchema,
  deriveStatusHistory,
  problemsFromZod,
  upgradeBlockerToMitigation,
  upgradeBlockerToStatusHistory,
  type Blocker,
} from '../../shared/domain';
import { SCHEMA_VERSIONS } from '../../shared/schema/migrations';

const BASE = {
  id: '0b7c2a4e-64a3-4d57-9a36-4f1f3b0b6f10',
  createdAt: '2026-02-02T09:00:00.000Z',
  updatedAt: '2026-02-20T09:00:00.000Z',
  title: 'Change board approves every deploy',
  category: 'plans-alignment',
  subCategory: 'Compliance',
  severity: 'high',
  appId: null,
  teamId: null,
  cycleId: null,
  ownerId: null,
  notes: '',
} as const;

/** A blocker as schema 1 stored it: no status history. */
function v1Blocker(status: Blocker['status'], openedOn: string, resolvedOn: string | null) {
  return { ...BASE, status, openedOn, resolvedOn };
}

/** The problems of a blocker, as "field: message". */
function problems(record: unknown): string[] {
  const result = blockerSchema.safeParse(record);
  return result.success ? [] : problemsFromZod(result.error).map((p) => `${p.field}: ${p.message}`);
}

describe('upgrading a schema-1 blocker to a status history', () => {
  it('gives an open blocker one change: open on its opened date', () => {
    const upgraded = upgradeBlockerToStatusHistory(v1Blocker('open', '2026-02-02', null));
    expect(upgraded).toEqual({
      ...v1Blocker('open', '2026-02-02', null),
      statusHistory: [{ status: 'open', on: '2026-02-02' }],
    });
    expect(problems(upgraded)).toEqual([]);
  });

  it('dates the change to mitigating on the opened date, the only day schema 1 knew', () => {
    const upgraded = upgradeBlockerToStatusHistory(v1Blocker('mitigating', '2026-02-02', null));
    expect(upgraded).toMatchObject({
      statusHistory: [
        { status: 'open', on: '2026-02-02' },
        { status: 'mitigating', on: '2026-02-02' },
      ],
    });
    expect(problems(upgraded)).toEqual([]);
  });

  it('dates the change to resolved on the resolved date', () => {
    const upgraded = upgradeBlockerToStatusHistory(v1Blocker('resolved', '2026-02-02', '2026-03-10'));
    expect(upgraded).toMatchObject({
      statusHistory: [
        { status: 'open', on: '2026-02-02' },
        { status: 'resolved', on: '2026-03-10' },
      ],
    });
    expect(problems(upgraded)).toEqual([]);
  });

  it('keeps a blocker resolved on the day it was opened valid', () => {
    const upgraded = upgradeBlockerToStatusHistory(v1Blocker('resolved', '2026-02-02', '2026-02-02'));
    expect(upgraded).toMatchObject({
      statusHistory: [
        { status: 'open', on: '2026-02-02' },
        { status: 'resolved', on: '2026-02-02' },
      ],
    });
    expect(problems(upgraded)).toEqual([]);
  });

  it('changes no other field and leaves the record it was given as it was', () => {
    const before = v1Blocker('resolved', '2026-02-02', '2026-03-10');
    const copy = structuredClone(before);
    const { statusHistory: _history, ...rest } = upgradeBlockerToStatusHistory(before) as Blocker;
    expect(rest).toEqual(copy);
    expect(before).toEqual(copy);
  });

  it('passes what is not a record through for the backup check to report, and keeps a history already there', () => {
    for (const junk of ['a blocker', null, 7, [1]]) expect(upgradeBlockerToStatusHistory(junk)).toBe(junk);
    const withHistory = {
      ...v1Blocker('mitigating', '2026-02-02', null),
      statusHistory: [
        { status: 'open', on: '2026-02-02' },
        { status: 'mitigating', on: '2026-02-09', note: 'Exception process agreed' },
      ],
    };
    expect(upgradeBlockerToStatusHistory(withHistory)).toBe(withHistory);
  });

  it('reports a schema-1 blocker that was already broken on its own fields', () => {
    const upgraded = upgradeBlockerToStatusHistory(v1Blocker('resolved', '2026-02-02', null));
    expect(problems(upgraded)).toContain('resolvedOn: A resolved blocker needs a resolved date');
  });

  it('is what schema version 2 runs on the blockers table', () => {
    const upgrade = SCHEMA_VERSIONS.find((v) => v.version === 2)?.upgrade?.blockers;
    const rows = [v1Blocker('open', '2026-02-02', null), v1Blocker('resolved', '2026-02-02', '2026-02-05')];
    expect(upgrade?.(rows)).toEqual(rows.map(upgradeBlockerToStatusHistory));
  });
});

describe('the status history of a blocker', () => {
  const blocker = (status: Blocker['status'], resolvedOn: string | null, statusHistory: unknown) => ({
    ...v1Blocker(status, '2026-02-02', resolvedOn),
    statusHistory,
  });

  it('is required', () => {
    expect(problems(v1Blocker('open', '2026-02-02', null))).toContain(
      'statusHistory: Status history must be a list of status changes',
    );
    expect(problems(blocker('open', null, []))).toContain(
      'statusHistory: Status history must start with the day the blocker was opened',
    );
  });

  it('follows open → mitigating → resolved with notes, several changes on one day allowed', () => {
    const history = [
      { status: 'open', on: '2026-02-02' },
      { status: 'mitigating', on: '2026-02-02', note: 'Exception process drafted' },
      { status: 'open', on: '2026-02-16', note: 'Exception rejected' },
      { status: 'resolved', on: '2026-03-02' },
    ];
    expect(problems(blocker('resolved', '2026-03-02', history))).toEqual([]);
  });

  it('starts with open on the opened date', () => {
    expect(problems(blocker('mitigating', null, [{ status: 'mitigating', on: '2026-02-02' }]))).toContain(
      'statusHistory.0: Status history must start with "open" on the opened date (2026-02-02)',
    );
    expect(problems(blocker('open', null, [{ status: 'open', on: '2026-02-03' }]))).toContain(
      'statusHistory.0: Status history must start with "open" on the opened date (2026-02-02)',
    );
  });

  it('is in date order', () => {
    const history = [
      { status: 'open', on: '2026-02-02' },
      { status: 'mitigating', on: '2026-02-20' },
      { status: 'resolved', on: '2026-02-10' },
    ];
    expect(problems(blocker('resolved', '2026-02-10', history))).toEqual([
      'statusHistory.2.on: Status changes must be in date order: 2026-02-10 comes after 2026-02-20',
    ]);
  });

  it("ends with the blocker's status, a resolved one on its resolved date", () => {
    const history = [
      { status: 'open', on: '2026-02-02' },
      { status: 'mitigating', on: '2026-02-05' },
    ];
    expect(problems(blocker('open', null, history))).toEqual([
      "statusHistory: The last status change must be to the blocker's status (open)",
    ]);
    const resolved = [
      { status: 'open', on: '2026-02-02' },
      { status: 'resolved', on: '2026-02-05' },
    ];
    expect(problems(blocker('resolved', '2026-02-06', resolved))).toEqual([
      'statusHistory: The change to resolved must be on the resolved date (2026-02-06)',
    ]);
  });

  it('says why a blocker went back from resolved: a reopen note', () => {
    const history = [
      { status: 'open', on: '2026-02-02' },
      { status: 'resolved', on: '2026-02-05' },
      { status: 'mitigating', on: '2026-02-09', note: '  ' },
    ];
    expect(problems(blocker('mitigating', null, history))).toEqual([
      'statusHistory.2.note: Going back from resolved needs a note saying why it was reopened',
    ]);
    history[2]!.note = 'The exception expired';
    expect(problems(blocker('mitigating', null, history))).toEqual([]);
  });

  it('names the change and the field of a bad entry', () => {
    const history = [
      { status: 'open', on: '2026-02-02' },
      { status: 'stuck', on: '2026-02-31' },
    ];
    expect(problems(blocker('open', null, history))).toEqual([
      'statusHistory.1.status: Status must be open, mitigating or resolved',
      'statusHistory.1.on: Status change date is not a real calendar date',
    ]);
  });

  it('derives from the fields of a schema-1 blocker without the record around them', () => {
    expect(deriveStatusHistory({ status: 'open', openedOn: '2026-01-05', resolvedOn: null })).toEqual([
      { status: 'open', on: '2026-01-05' },
    ]);
  });
});

describe('upgrading a schema-2 blocker to keep its mitigation', () => {
  it('adds an empty mitigation, keeps one already there, and passes junk through', () => {
    const v2 = {
      ...v1Blocker('open', '2026-02-02', null),
      statusHistory: [{ status: 'open', on: '2026-02-02' }],
    };
    expect(upgradeBlockerToMitigation(v2)).toEqual({ ...v2, mitigation: '' });
    expect(problems(upgradeBlockerToMitigation(v2))).toEqual([]);
    const kept = { ...v2, mitigation: 'Pre-approved changes' };
    expect(upgradeBlockerToMitigation(kept)).toBe(kept);
    for (const junk of ['a blocker', null, 7, [1]]) expect(upgradeBlockerToMitigation(junk)).toBe(junk);
    expect(SCHEMA_VERSIONS.find((v) => v.version === 3)?.upgrade?.blockers?.([v2])).toEqual([
      { ...v2, mitigation: '' },
    ]);
  });
});

/**
 * The deck's slide "All too common challenges & blockers", as it reads (markdown of the slide,
 * copied from the deck): its three categories and their sub-categories.
 */
const DECK_SLIDE = `
# All too common challenges & blockers

## People & Culture

- Skills, hiring
- Reluctance to change
- Scaling new roles
- Org. structure
- “We already do agile.”
- Sustaining change

## Plans & Alignment

- Budgeting
- Misaligned executives
- IT is still in the basement
- Compliance
- Weak connection to business value

## Technical Execution

- ITSM instead of Platforms
- Overwhelming legacy portfolio
- Dependencies between teams
- Local optimization, no CI/CD
`;

describe('the categories of blockers', () => {
  it('are the deck slide’s, word for word and in its order, each with “Other” last', () => {
    const slide: { label: string; subCategories: string[] }[] = [];
    for (const line of DECK_SLIDE.split('\n')) {
      if (line.startsWith('## ')) slide.push({ label: line.slice(3), subCategories: [] });
      else if (line.startsWith('- ')) slide.at(-1)!.subCategories.push(line.slice(2));
    }
    expect(slide).toHaveLength(3);
    const app = BLOCKER_CATEGORY_IDS.map((id) => ({
      label: BLOCKER_CATEGORIES[id].label,
      subCategories: [...BLOCKER_CATEGORIES[id].subCategories],
    }));
    expect(app).toEqual(slide.map((c) => ({ ...c, subCategories: [...c.subCategories, 'Other'] })));
  });
});
