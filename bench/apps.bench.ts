/**
 * Apps benchmarks over 20,000 apps: ranking for the feasibility list, time to hello world per
 * cycle, and the apps table's join, filter and sort (the UI's own functions from
 * shared/domain/app-table.ts).
 */
import { describe, expect, it } from 'vitest';
import { rankApps } from '../shared/domain/feasibility';
import { medianTimeToHelloWorldByCycle } from '../shared/domain/pipeline';

import { buildAppRows, EMPTY_FILTERS, filterAndSortApps } from '../shared/domain/app-table';
import { generateApps } from './generate';
import { measure } from './report';

const COUNT = 20_000;
const data = generateApps(COUNT);

describe('apps', () => {
  it('ranks 20,000 apps', () => {
    const ranked = measure(
      'rankApps over 20,000 apps',
      { targetMs: 200, runs: 5, units: { count: COUNT, label: 'apps' } },
      () => rankApps(data.apps),
    );
    expect(ranked).toHaveLength(COUNT);
    expect(ranked[0]!.combined).toBeGreaterThanOrEqual(ranked[1]!.combined ?? 0);
  });

  it('takes the median time to hello world per cycle over 20,000 apps', () => {
    const byCycle = measure(
      'median time to hello world per cycle, 20,000 apps',
      { targetMs: 200, runs: 5, units: { count: COUNT, label: 'apps' } },
      () => medianTimeToHelloWorldByCycle(data.apps),
    );
    expect(byCycle.size).toBe(data.cycles.length);
  });

  it('joins, filters and sorts the 20,000-app table', () => {
    const rows = measure(
      'apps table: build 20,000 rows',
      { targetMs: 500, runs: 3, units: { count: COUNT, label: 'apps' } },
      () => buildAppRows(data.apps, data.teams, data.cycles, data.goldenPaths),
    );
    const sorted = measure(
      'apps table: sort 20,000 rows by business value',
      { targetMs: 100, runs: 5, units: { count: COUNT, label: 'rows' } },
      () => filterAndSortApps(rows, EMPTY_FILTERS, { key: 'business', direction: 'desc' }),
    );
    expect(sorted).toHaveLength(COUNT);
    const filtered = measure(
      'apps table: text filter + stage filter + sort by name',
      { targetMs: 50, runs: 5, units: { count: COUNT, label: 'rows' } },
      () =>
        filterAndSortApps(
          rows,
          { ...EMPTY_FILTERS, text: 'pay team 01', stage: 'onboarding' },
          { key: 'name', direction: 'asc' },
        ),
    );
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(COUNT);
    for (const row of filtered) expect(row.app.stage).toBe('onboarding');
  });
});
