/** The apps table's join, filters and sort: pure functions shared by the table, the CSV export and the benchmark. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { App, AppStage, Cycle, GoldenPath, Team } from '../../shared/domain';
import {
  buildAppRows,
  DEFAULT_SORT,
  describeReachedFilter,
  EMPTY_FILTERS,
  filterAndSortApps,
  hasFilters,
  NONE,
  SORT_KEYS,
  type AppFilters,
  type AppRow,
  type SortKey,
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

  it('keeps the fields the text filter reads, lower-cased, in order, one field from the next apart', () => {
    // A golden path the workspace no longer has is left out, as it is of the golden path names.
    const [app] = buildAppRows(
      [
        makeApp('Ledger SERVICE', {
          teamId: 'team-data',
          cycleId: 'cycle-10',
          stage: 'onboarding',
          description: 'Books ΣΟΦΙΑΣ',
          externalId: 'CMDB-7',
          system: 'Core',
          lifecycle: 'Production',
          goldenPathIds: ['gp-gone', 'gp-java'],
        }),
      ],
      teams,
      cycles,
      paths,
    );
    expect(app!.goldenPathNames).toEqual(['Java service']);
    expect(app!.search).toBe(
      [
        'ledger service',
        'data',
        'books σοφιας',
        'cmdb-7',
        'core',
        'production',
        'onboarding',
        'scaling cycle 10',
        'java service',
      ].join('\u0000'),
    );
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

  it('keeps the apps that reached a step in a span of days, as the overview counts them', () => {
    const reached = (
      step: 'selected' | 'helloWorld' | 'production',
      after: string | null,
      onOrBefore: string,
    ) => names(filterAndSortApps(rows, filters({ reached: { step, after, onOrBefore } }), DEFAULT_SORT));
    // Dropped apps count at no date (shared/domain/adoption), whatever their dates say.
    expect(reached('selected', null, '2026-02-01')).toEqual(['Analytics', 'Checkout']);
    expect(reached('selected', '2026-01-05', '2026-02-01')).toEqual(['Checkout']);
    expect(reached('helloWorld', null, '2026-01-31')).toEqual(['Analytics']);
    expect(reached('production', null, '2026-12-31')).toEqual([]);
    expect(
      hasFilters(filters({ reached: { step: 'production', after: null, onOrBefore: '2026-01-01' } })),
    ).toBe(true);
    expect(describeReachedFilter({ step: 'production', after: null, onOrBefore: '2026-06-30' })).toBe(
      'On the platform by 30 Jun 2026',
    );
    expect(describeReachedFilter({ step: 'helloWorld', after: '2026-03-31', onOrBefore: '2026-06-30' })).toBe(
      'Hello world after 31 Mar 2026, by 30 Jun 2026',
    );
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

  it('orders exactly as comparing names with the collator would: value, then name, then id', () => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const name = fc.constantFrom(
      'App 2',
      'app 10',
      'Äpp',
      'APP 2',
      'b-1',
      'b_1',
      'Zeta',
      'zeta',
      'Ledger',
      'é',
    );
    const date = fc.option(fc.constantFrom('2025-01-09', '2025-01-10', '2024-12-31', '2026-02-01'), {
      nil: null,
    });
    const teamList = [
      { id: 'team-a', name: 'payments' },
      { id: 'team-b', name: 'Payments' },
      { id: 'team-c', name: 'Data 10' },
      { id: 'team-d', name: 'Data 9' },
    ];
    const appArb = fc.record({
      name,
      teamId: fc.option(fc.constantFrom(...teamList.map((t) => t.id)), { nil: null }),
      business: fc.option(fc.constantFrom(1, 2.5, 4), { nil: null }),
      selectedOn: date,
      productionOn: date,
    });
    const reference = (list: AppRow[], key: SortKey, direction: 'asc' | 'desc'): AppRow[] => {
      const valueOf = (row: AppRow): string | number | null =>
        key === 'name'
          ? row.app.name
          : key === 'team'
            ? row.teamName || null
            : key === 'business'
              ? row.app.businessScore
              : key === 'selectedOn'
                ? row.app.selectedOn
                : row.app.productionOn;
      return [...list].sort((a, b) => {
        const [x, y] = [valueOf(a), valueOf(b)];
        if (x !== null && y !== null) {
          const order = typeof x === 'number' ? x - (y as number) : collator.compare(x, y as string);
          if (order !== 0) return direction === 'asc' ? order : -order;
        } else if (x !== y) return x === null ? 1 : -1;
        return collator.compare(a.app.name, b.app.name) || (a.app.id < b.app.id ? -1 : 1);
      });
    };
    fc.assert(
      fc.property(
        fc.array(appArb, { maxLength: 30 }),
        fc.constantFrom<SortKey>('name', 'team', 'business', 'selectedOn', 'productionOn'),
        fc.constantFrom('asc' as const, 'desc' as const),
        (specs, key, direction) => {
          const list = buildAppRows(
            specs.map((s) =>
              makeApp(s.name, {
                teamId: s.teamId,
                businessScore: s.business,
                selectedOn: s.selectedOn,
                productionOn: s.productionOn,
              }),
            ),
            teamList,
            cycles,
            paths,
          );
          const ids = (l: AppRow[]) => l.map((r) => r.app.id);
          expect(ids(filterAndSortApps(list, EMPTY_FILTERS, { key, direction }))).toEqual(
            ids(reference(list, key, direction)),
          );
        },
      ),
      { numRuns: 200 },
    );
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
