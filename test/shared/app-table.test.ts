/** The apps table's join, filters and sort: pure functions shared by the table, the CSV export and the benchmark. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { App, AppStage, Cycle, GoldenPath, Team } from '../../shared/domain';
import {
  buildAppRows,
  collationKey,
  collator,
  DEFAULT_SORT,
  EMPTY_FILTERS,
  filterAndSortApps,
  hasFilters,
  NONE,
  SORT_KEYS,
  type AppFilters,
} from '../../shared/domain/app-table';

const at = '2026-01-01T00:00:00.000Z';
let seq = 0;
function makeApp(name: string, extra: Partial<App> = {}): App {
  seq++;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    createdAt: at,
    updatedAt: at,
    name,
    teamId: null,
    description: '',
    businessScore: null,
    technicalScore: null,
    criteriaScores: {},
    stage: 'candidate',
    cycleId: null,
    selectedOn: null,
    firstDeployOn: null,
    productionOn: null,
    goldenPathIds: [],
    externalId: null,
    lifecycle: '',
    system: '',
    ...extra,
  };
}

const teams: Pick<Team, 'id' | 'name'>[] = [
  { id: 'team-pay', name: 'Payments' },
  { id: 'team-data', name: 'Data' },
];
const cycles: Pick<Cycle, 'id' | 'index' | 'name'>[] = [
  { id: 'cycle-0', index: 0, name: '' },
  { id: 'cycle-2', index: 2, name: 'Spring' },
  { id: 'cycle-10', index: 10, name: '' },
];
const paths: Pick<GoldenPath, 'id' | 'name'>[] = [{ id: 'gp-java', name: 'Java service' }];

const apps = [
  makeApp('Checkout', {
    teamId: 'team-pay',
    stage: 'selected',
    cycleId: 'cycle-2',
    businessScore: 4,
    selectedOn: '2026-02-01',
    firstDeployOn: '2026-02-15',
  }),
  makeApp('ledger', { teamId: 'team-pay', businessScore: 5, technicalScore: 2, externalId: 'CMDB-42' }),
  makeApp('Analytics', {
    teamId: 'team-data',
    stage: 'on-platform',
    cycleId: 'cycle-0',
    technicalScore: 4,
    goldenPathIds: ['gp-java'],
    selectedOn: '2026-01-05',
    firstDeployOn: '2026-01-12',
  }),
  makeApp('Batch jobs', { stage: 'dropped', cycleId: 'cycle-10', system: 'mainframe', businessScore: 1 }),
];
const rows = buildAppRows(apps, teams, cycles, paths);
const names = (list: { app: App }[]) => list.map((r) => r.app.name);
const filters = (patch: Partial<AppFilters>): AppFilters => ({ ...EMPTY_FILTERS, ...patch });

describe('building the rows', () => {
  it('joins team, cycle and golden path names and the time to hello world', () => {
    const checkout = rows.find((r) => r.app.name === 'Checkout')!;
    expect(checkout).toMatchObject({
      teamName: 'Payments',
      cycleLabel: 'Scaling cycle 2 — Spring',
      cycleIndex: 2,
      helloWorldDays: 14,
    });
    const analytics = rows.find((r) => r.app.name === 'Analytics')!;
    expect(analytics).toMatchObject({
      cycleLabel: 'Initial phase',
      goldenPathNames: ['Java service'],
      helloWorldDays: 7,
    });
    expect(rows.find((r) => r.app.name === 'Batch jobs')).toMatchObject({
      teamName: '',
      helloWorldDays: null,
    });
  });
});

describe('filtering', () => {
  it('keeps everything without filters', () => {
    expect(filterAndSortApps(rows, EMPTY_FILTERS, DEFAULT_SORT)).toHaveLength(4);
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
  });

  it('filters by stage, team, cycle, and by "no team" / "no cycle"', () => {
    expect(names(filterAndSortApps(rows, filters({ stage: 'on-platform' }), DEFAULT_SORT))).toEqual([
      'Analytics',
    ]);
    expect(names(filterAndSortApps(rows, filters({ teamId: 'team-pay' }), DEFAULT_SORT))).toEqual([
      'Checkout',
      'ledger',
    ]);
    expect(names(filterAndSortApps(rows, filters({ teamId: NONE }), DEFAULT_SORT))).toEqual(['Batch jobs']);
    expect(names(filterAndSortApps(rows, filters({ cycleId: 'cycle-2' }), DEFAULT_SORT))).toEqual([
      'Checkout',
    ]);
    expect(names(filterAndSortApps(rows, filters({ cycleId: NONE }), DEFAULT_SORT))).toEqual(['ledger']);
    expect(
      names(filterAndSortApps(rows, filters({ teamId: 'team-pay', stage: 'candidate' }), DEFAULT_SORT)),
    ).toEqual(['ledger']);
  });

  it('matches every word of the text in any field, ignoring case', () => {
    expect(names(filterAndSortApps(rows, filters({ text: 'cmdb-42' }), DEFAULT_SORT))).toEqual(['ledger']);
    expect(names(filterAndSortApps(rows, filters({ text: 'MAINFRAME' }), DEFAULT_SORT))).toEqual([
      'Batch jobs',
    ]);
    expect(names(filterAndSortApps(rows, filters({ text: 'payments check' }), DEFAULT_SORT))).toEqual([
      'Checkout',
    ]);
    expect(names(filterAndSortApps(rows, filters({ text: 'java' }), DEFAULT_SORT))).toEqual(['Analytics']);
    expect(names(filterAndSortApps(rows, filters({ text: 'spring' }), DEFAULT_SORT))).toEqual(['Checkout']);
    expect(filterAndSortApps(rows, filters({ text: 'nothing like this' }), DEFAULT_SORT)).toEqual([]);
    expect(hasFilters(filters({ text: 'x' }))).toBe(true);
  });
});

describe('sorting', () => {
  it('sorts names alphabetically, ignoring case', () => {
    expect(names(filterAndSortApps(rows, EMPTY_FILTERS, { key: 'name', direction: 'asc' }))).toEqual([
      'Analytics',
      'Batch jobs',
      'Checkout',
      'ledger',
    ]);
    expect(names(filterAndSortApps(rows, EMPTY_FILTERS, { key: 'name', direction: 'desc' }))).toEqual([
      'ledger',
      'Checkout',
      'Batch jobs',
      'Analytics',
    ]);
  });

  it('sorts scores as numbers and puts apps without a score last in both directions', () => {
    expect(names(filterAndSortApps(rows, EMPTY_FILTERS, { key: 'business', direction: 'desc' }))).toEqual([
      'ledger',
      'Checkout',
      'Batch jobs',
      'Analytics',
    ]);
    expect(names(filterAndSortApps(rows, EMPTY_FILTERS, { key: 'business', direction: 'asc' }))).toEqual([
      'Batch jobs',
      'Checkout',
      'ledger',
      'Analytics',
    ]);
  });

  it('sorts stages in pipeline order and cycles in time order (10 after 2)', () => {
    expect(names(filterAndSortApps(rows, EMPTY_FILTERS, { key: 'stage', direction: 'asc' }))).toEqual([
      'ledger',
      'Checkout',
      'Analytics',
      'Batch jobs',
    ]);
    expect(names(filterAndSortApps(rows, EMPTY_FILTERS, { key: 'cycle', direction: 'asc' }))).toEqual([
      'Analytics',
      'Checkout',
      'Batch jobs',
      'ledger',
    ]);
  });

  it('returns a permutation of the kept rows, for any sort, that respects the sort key', () => {
    const stages: AppStage[] = ['candidate', 'selected', 'onboarding', 'on-platform', 'paused', 'dropped'];
    const appArb = fc.record({
      name: fc.string({ minLength: 1, maxLength: 8 }),
      business: fc.option(
        fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
        { nil: null },
      ),
      stage: fc.constantFrom(...stages),
    });
    fc.assert(
      fc.property(
        fc.array(appArb, { maxLength: 40 }),
        fc.constantFrom(...SORT_KEYS),
        fc.constantFrom('asc' as const, 'desc' as const),
        (specs, key, direction) => {
          const list = buildAppRows(
            specs.map((s) => makeApp(s.name, { businessScore: s.business, stage: s.stage })),
            teams,
            cycles,
            paths,
          );
          const sorted = filterAndSortApps(list, EMPTY_FILTERS, { key, direction });
          expect(sorted.map((r) => r.app.id).sort()).toEqual(list.map((r) => r.app.id).sort());
          if (key === 'business') {
            const values = sorted.map((r) => r.app.businessScore);
            const firstNull = values.indexOf(null);
            if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
            const scored = values.filter((v): v is number => v !== null);
            for (let i = 1; i < scored.length; i++) {
              if (direction === 'asc') expect(scored[i]!).toBeGreaterThanOrEqual(scored[i - 1]!);
              else expect(scored[i]!).toBeLessThanOrEqual(scored[i - 1]!);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('collation keys', () => {
  it('order names as the collator does: case and accents ignored, numbers by value', () => {
    const names = ['app 10', 'App 2', 'Émile', 'emile b', 'app 02', 'Zeta', 'alpha', 'App 1'];
    const byKey = [...names].sort((a, b) => (collationKey(a) < collationKey(b) ? -1 : 1));
    const byCollator = [...names].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1));
    expect(byKey.map(collationKey)).toEqual(byCollator.map(collationKey));
    expect(byKey.slice(0, 2)).toEqual(['alpha', 'App 1']);
    expect(byKey.indexOf('App 2')).toBeLessThan(byKey.indexOf('app 10'));
  });

  it('never contradicts the collator on letters, digits and spaces', () => {
    const name = fc.stringMatching(/^[a-zA-Zé0-9 ]{0,12}$/);
    fc.assert(
      fc.property(name, name, (a, b) => {
        const order = collator.compare(a, b);
        const ka = collationKey(a);
        const kb = collationKey(b);
        if (order < 0) return ka <= kb;
        if (order > 0) return ka >= kb;
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
