/**
 * Blockers for the import pipeline: a RAID log (a spreadsheet of risks, assumptions, issues and
 * dependencies) read into blockers. The general reader, mapping and wizard do the rest.
 *
 * - Category and sub-category are the deck's ("People & Culture", "Skills, hiring", …), matched
 *   ignoring case, spaces and punctuation ("people and culture", "ORG STRUCTURE", "we already do
 *   agile"). A sub-category cell may also name its category: "Plans & Alignment: Budgeting",
 *   "Technical Execution / Other". A text that is not one of them is listed under "Map the
 *   values" with every sub-category to choose from — "Other" of a category only when the user
 *   picks it — and a row left unmapped is rejected, with its row number. Nothing is filed under
 *   "Other" silently.
 * - Severity and status read their names in any case; other words (P1, "Sev 2", Closed, In
 *   progress) are suggested and mapped in the wizard.
 * - Owner, team and cycle are matched by name (cycle: its label or number, "Cycle 3", "Initial
 *   phase") against what is stored, and a name that matches nothing can be mapped to one; an
 *   app by name or external id. An unmatched optional link is left empty, with a warning.
 * - Dates are yyyy-MM-dd (cells.ts). A resolved row needs its resolved date; a resolved date
 *   makes a row without a status resolved.
 * - Re-importing the same log updates the blockers it matches by title and creates no duplicates.
 */
import { z } from 'zod';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_CATEGORY_IDS,
  BLOCKER_SEVERITIES,
  BLOCKER_SEVERITY_LABELS,
  BLOCKER_STATUSES,
  BLOCKER_STATUS_LABELS,
  type BlockerCategory,
  type BlockerSeverity,
  type BlockerStatus,
} from '../../domain/blockers';
import type { IsoDate } from '../../domain/dates';
import { parseDateCell, quoted } from '../cells';
import type { CellResult, EntityImport, ImportField } from '../definition';
import type { ValueChoice } from '../values';

export type BlockerImportField =
  | 'title'
  | 'category'
  | 'subCategory'
  | 'severity'
  | 'status'
  | 'openedOn'
  | 'resolvedOn'
  | 'owner'
  | 'app'
  | 'team'
  | 'cycle'
  | 'notes'
  | 'mitigation';

/** A sub-category as read: its category when the cell says it (or only one has that name). */
export interface SubCategoryCell {
  category: BlockerCategory | null;
  name: string;
}

export interface BlockerImportRecord {
  title: string;
  category: BlockerCategory | null;
  subCategory: SubCategoryCell;
  severity?: BlockerSeverity;
  status?: BlockerStatus;
  openedOn: IsoDate;
  resolvedOn?: IsoDate;
  ownerId?: string;
  appId?: string;
  teamId?: string;
  cycleId?: string;
  notes: string;
  mitigation: string;
}

/** What the import can link a row to: the stored records, by id and name. */
export interface BlockerImportLinks {
  people: readonly { id: string; name: string }[];
  teams: readonly { id: string; name: string }[];
  /** `label` as the app shows it ("Scaling cycle 3 — Payments"); `index` 0 is the initial phase. */
  cycles: readonly { id: string; index: number; label: string }[];
  apps: readonly { id: string; name: string; externalId: string | null }[];
}

/** What matching needs to know of a stored blocker. */
export interface StoredBlocker {
  id: string;
  title: string;
}

/** Letters and digits only, lower case: how names in a log are compared with the deck's. */
export function looseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '');
}

const CATEGORY_BY_KEY = new Map<string, BlockerCategory>();
for (const id of BLOCKER_CATEGORY_IDS) {
  CATEGORY_BY_KEY.set(looseKey(id), id);
  CATEGORY_BY_KEY.set(looseKey(BLOCKER_CATEGORIES[id].label), id);
}

/** The sub-categories by their loose key; "Other" is in every category, so its entry holds all three. */
const SUBS_BY_KEY = new Map<string, { category: BlockerCategory; name: string }[]>();
for (const category of BLOCKER_CATEGORY_IDS) {
  for (const name of BLOCKER_CATEGORIES[category].subCategories) {
    const key = looseKey(name);
    SUBS_BY_KEY.set(key, [...(SUBS_BY_KEY.get(key) ?? []), { category, name }]);
  }
}

const CATEGORY_LIST = BLOCKER_CATEGORY_IDS.map((c) => BLOCKER_CATEGORIES[c].label).join(', ');

export function parseCategoryCell(cell: string): CellResult<BlockerCategory> {
  const category = CATEGORY_BY_KEY.get(looseKey(cell));
  return category
    ? { value: category }
    : { problem: `${quoted(cell)} is not one of the deck's categories (${CATEGORY_LIST})` };
}

/**
 * A sub-category, alone ("Org. structure") or after its category ("People & Culture: Other",
 * "Technical Execution / Dependencies between teams", "Plans & Alignment - Budgeting").
 */
export function parseSubCategoryCell(cell: string): CellResult<SubCategoryCell> {
  const whole = SUBS_BY_KEY.get(looseKey(cell));
  if (whole)
    return { value: { category: whole.length === 1 ? whole[0]!.category : null, name: whole[0]!.name } };
  for (const separator of [':', '/', ' - ', ' – ', ' — ', '>', '|']) {
    const at = cell.indexOf(separator);
    if (at <= 0) continue;
    const category = CATEGORY_BY_KEY.get(looseKey(cell.slice(0, at)));
    const subs = SUBS_BY_KEY.get(looseKey(cell.slice(at + separator.length)));
    const sub = category && subs?.find((s) => s.category === category);
    if (sub) return { value: { category, name: sub.name } };
  }
  return { problem: `${quoted(cell)} is not one of the deck's sub-categories` };
}

/** Every sub-category, as the mapping of an unknown text offers them: "People & Culture: Other". */
const SUB_CATEGORY_CHOICES: readonly ValueChoice[] = BLOCKER_CATEGORY_IDS.flatMap((category) =>
  BLOCKER_CATEGORIES[category].subCategories.map((name) => ({
    value: `${BLOCKER_CATEGORIES[category].label}: ${name}`,
    label: `${BLOCKER_CATEGORIES[category].label}: ${name}`,
  })),
);

const CATEGORY_CHOICES: readonly ValueChoice[] = BLOCKER_CATEGORY_IDS.map((c) => ({
  value: c,
  label: BLOCKER_CATEGORIES[c].label,
}));

function enumCell<T extends string>(values: readonly T[], labels: Record<T, string>, what: string) {
  const byKey = new Map<string, T>();
  for (const v of values) {
    byKey.set(looseKey(v), v);
    byKey.set(looseKey(labels[v]), v);
  }
  const list = values.map((v) => labels[v]).join(', ');
  return (cell: string): CellResult<T> => {
    const value = byKey.get(looseKey(cell));
    return value ? { value } : { problem: `${quoted(cell)} is not a ${what}; use one of ${list}` };
  };
}

export const parseSeverityCell = enumCell(BLOCKER_SEVERITIES, BLOCKER_SEVERITY_LABELS, 'severity');
export const parseStatusCell = enumCell(BLOCKER_STATUSES, BLOCKER_STATUS_LABELS, 'status');

const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/** A severity for a log's priority words: P1 / Sev 1 / blocker critical, P2 high, P3 medium, P4 low. */
export function severityFromText(text: string): BlockerSeverity | undefined {
  const w = words(text);
  const rank = /^ (?:p|sev|severity|priority|prio) ?([1-4]) $/.exec(w);
  if (rank) return (['critical', 'high', 'medium', 'low'] as const)[Number(rank[1]) - 1];
  if (/ (blocker|showstopper|urgent|severe|very high|highest|red) /.test(w)) return 'critical';
  if (/ (major|important|amber) /.test(w)) return 'high';
  if (/ (moderate|normal|average) /.test(w)) return 'medium';
  if (/ (minor|trivial|lowest|green) /.test(w)) return 'low';
  return undefined;
}

/** A status for a tracker's words: Closed / Done resolved, In progress / Mitigated mitigating, New / Raised open. */
export function statusFromText(text: string): BlockerStatus | undefined {
  const w = words(text);
  if (/ (closed|done|complete|completed|fixed|solved|resolved|mitigated and closed) /.test(w))
    return 'resolved';
  if (/ (in progress|ongoing|mitigated|mitigation|action|actioned|working|wip|in hand) /.test(w))
    return 'mitigating';
  if (/ (new|raised|open|opened|identified|todo|to do|not started|backlog) /.test(w)) return 'open';
  return undefined;
}

/** A name cell read into the id of the one stored record of that name (any case, spaces, punctuation). */
function byName(records: readonly { id: string; name: string }[], what: string) {
  const ids = new Map<string, string>();
  for (const r of records) if (!ids.has(looseKey(r.name))) ids.set(looseKey(r.name), r.id);
  return (cell: string): CellResult<string> => {
    const id = ids.get(looseKey(cell));
    return id ? { value: id } : { problem: `no ${what} is named ${quoted(cell)}` };
  };
}

/** A cycle by its label, its number ("Cycle 3", "3", "Scaling cycle 3") or "Initial phase". */
function cycleCell(cycles: BlockerImportLinks['cycles']) {
  const ids = new Map<string, string>();
  for (const c of cycles) {
    ids.set(looseKey(c.label), c.id);
    if (c.index === 0) ids.set(looseKey('Initial phase'), c.id);
    else
      for (const name of [`${c.index}`, `Cycle ${c.index}`, `Scaling cycle ${c.index}`])
        ids.set(looseKey(name), c.id);
  }
  return (cell: string): CellResult<string> => {
    const id = ids.get(looseKey(cell));
    return id ? { value: id } : { problem: `no cycle is ${quoted(cell)}` };
  };
}

/** An app by its name or external id. */
function appCell(apps: BlockerImportLinks['apps']) {
  const ids = new Map<string, string>();
  for (const a of apps) {
    if (a.externalId && !ids.has(a.externalId.trim().toLowerCase()))
      ids.set(a.externalId.trim().toLowerCase(), a.id);
  }
  const named = byName(apps, 'app');
  return (cell: string): CellResult<string> => {
    const id = ids.get(cell.trim().toLowerCase());
    if (id) return { value: id };
    const read = named(cell);
    return 'value' in read ? read : { problem: `no app is named ${quoted(cell)} (nor has that external id)` };
  };
}

const nameChoices = (records: readonly { id: string; name: string }[]): ValueChoice[] =>
  records.map((r) => ({ value: r.name, label: r.name }));

/**
 * The last check of a row's record: what only the whole row can say (a category and a
 * sub-category that disagree, "Other" without a category, dates in the wrong order).
 */
export const blockerImportRecordSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'is empty; every blocker needs a title')
      .max(200, 'Title must be at most 200 characters'),
    notes: z.string().max(20000, 'Notes must be at most 20000 characters'),
    mitigation: z.string().max(20000, 'Mitigation must be at most 20000 characters'),
  })
  .passthrough()
  .superRefine((value, ctx) => {
    const r = value as unknown as BlockerImportRecord;
    const sub = r.subCategory;
    if (r.category && sub.category && r.category !== sub.category) {
      ctx.addIssue({
        code: 'custom',
        path: ['subCategory'],
        message: `“${sub.name}” is in ${BLOCKER_CATEGORIES[sub.category].label}, not ${BLOCKER_CATEGORIES[r.category].label}`,
      });
    } else if (!r.category && !sub.category) {
      ctx.addIssue({
        code: 'custom',
        path: ['subCategory'],
        message: `“${sub.name}” is in every category: map a Category column, or write it as “People & Culture: ${sub.name}”`,
      });
    }
    if (r.status === 'resolved' && !r.resolvedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolvedOn'],
        message: 'is empty; a resolved blocker needs its resolved date',
      });
    }
    if (r.resolvedOn && r.status && r.status !== 'resolved') {
      ctx.addIssue({
        code: 'custom',
        path: ['resolvedOn'],
        message: `is given, but the status is ${BLOCKER_STATUS_LABELS[r.status]}`,
      });
    }
    if (r.resolvedOn && r.resolvedOn < r.openedOn) {
      ctx.addIssue({ code: 'custom', path: ['resolvedOn'], message: 'is before the opened date' });
    }
  });

/** A log's title, as re-imports compare them: trimmed, inner spaces collapsed, any case. */
export function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The blockers' import, with the records a row can link to. */
export function blockersImport(
  links: BlockerImportLinks,
): EntityImport<BlockerImportRecord, BlockerImportField, StoredBlocker> {
  const fields: ImportField<BlockerImportField>[] = [
    {
      field: 'title',
      label: 'Title',
      required: true,
      whenEmpty: 'is empty; every blocker needs a title',
      synonyms: ['title', 'blocker', 'issue', 'risk', 'summary', 'name', 'item', 'raid item', 'description'],
    },
    {
      field: 'category',
      label: 'Category',
      required: false,
      synonyms: ['category', 'blocker category', 'raid category', 'area', 'theme'],
      parse: parseCategoryCell,
      choices: CATEGORY_CHOICES,
    },
    {
      field: 'subCategory',
      label: 'Sub-category',
      required: true,
      whenEmpty: 'is empty; choose one of the deck’s sub-categories (or “Other”)',
      synonyms: ['sub-category', 'subcategory', 'sub category', 'challenge', 'cause', 'root cause', 'type'],
      parse: parseSubCategoryCell,
      choices: SUB_CATEGORY_CHOICES,
    },
    {
      field: 'severity',
      label: 'Severity',
      required: false,
      synonyms: ['severity', 'priority', 'impact', 'rating', 'rag'],
      parse: parseSeverityCell,
      choices: BLOCKER_SEVERITIES.map((s) => ({ value: s, label: BLOCKER_SEVERITY_LABELS[s] })),
      suggest: severityFromText,
    },
    {
      field: 'status',
      label: 'Status',
      required: false,
      synonyms: ['status', 'state', 'raid status'],
      parse: parseStatusCell,
      choices: BLOCKER_STATUSES.map((s) => ({ value: s, label: BLOCKER_STATUS_LABELS[s] })),
      suggest: statusFromText,
    },
    {
      field: 'openedOn',
      label: 'Opened on',
      required: true,
      whenEmpty: 'is empty; every blocker needs the day it was raised',
      synonyms: [
        'opened on',
        'opened',
        'date raised',
        'raised on',
        'raised',
        'date opened',
        'date identified',
        'logged on',
        'created',
      ],
      parse: parseDateCell,
    },
    {
      field: 'resolvedOn',
      label: 'Resolved on',
      required: false,
      synonyms: ['resolved on', 'resolved', 'date resolved', 'closed on', 'date closed', 'closed'],
      parse: parseDateCell,
    },
    {
      field: 'owner',
      label: 'Owner',
      required: false,
      synonyms: ['owner', 'action owner', 'assigned to', 'assignee', 'responsible'],
      parse: byName(links.people, 'person'),
      choices: nameChoices(links.people),
    },
    {
      field: 'app',
      label: 'App',
      required: false,
      synonyms: ['app', 'application', 'app name', 'service', 'system'],
      parse: appCell(links.apps),
    },
    {
      field: 'team',
      label: 'Team',
      required: false,
      synonyms: ['team', 'team name', 'squad', 'owning team'],
      parse: byName(links.teams, 'team'),
      choices: nameChoices(links.teams),
    },
    {
      field: 'cycle',
      label: 'Cycle',
      required: false,
      synonyms: ['cycle', 'phase', 'iteration', 'quarter'],
      parse: cycleCell(links.cycles),
      choices: links.cycles.map((c) => ({ value: c.label, label: c.label })),
    },
    {
      field: 'notes',
      label: 'Notes',
      required: false,
      synonyms: ['notes', 'comments', 'comment', 'details', 'update'],
    },
    {
      field: 'mitigation',
      label: 'Mitigation',
      required: false,
      synonyms: [
        'mitigation',
        'mitigation taken',
        'mitigating action',
        'action',
        'actions',
        'response',
        'resolution',
      ],
    },
  ];
  return {
    noun: { one: 'blocker', many: 'blockers' },
    fields,
    toRecord(row) {
      const record: BlockerImportRecord = {
        title: row.text('title'),
        category: row.value<BlockerCategory>('category') ?? null,
        subCategory: row.value<SubCategoryCell>('subCategory')!,
        openedOn: row.value<IsoDate>('openedOn')!,
        notes: row.text('notes'),
        mitigation: row.text('mitigation'),
      };
      const optional = {
        severity: row.value<BlockerSeverity>('severity'),
        status: row.value<BlockerStatus>('status'),
        resolvedOn: row.value<IsoDate>('resolvedOn'),
        ownerId: row.value<string>('owner'),
        appId: row.value<string>('app'),
        teamId: row.value<string>('team'),
        cycleId: row.value<string>('cycle'),
      };
      for (const [key, value] of Object.entries(optional))
        if (value !== undefined) Object.assign(record, { [key]: value });
      return record;
    },
    schema: blockerImportRecordSchema,
    matchBy: [
      {
        name: 'title',
        field: 'title',
        ofRecord: (r) => titleKey(r.title) || null,
        ofStored: (b) => titleKey(b.title) || null,
      },
    ],
    noColumn: (field) =>
      field.field === 'subCategory'
        ? 'The file has no column for the sub-category. Name a column “Sub-category” (or “Category”, when it holds “People & Culture: Skills, hiring”), or choose which column holds it.'
        : `The file has no column for “${field.label}”. Choose which column holds it.`,
  };
}

/** The category a row's record files under: its Category cell, else its sub-category's. */
export function categoryOf(record: BlockerImportRecord): BlockerCategory {
  return (record.category ?? record.subCategory.category)!;
}
