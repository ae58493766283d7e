/**
 * The apps' tallies (shared/domain/app-tallies.ts): kept by deltas through any sequence of
 * writes they equal a recount, and every reader answers what the calculation over the apps
 * themselves answers (Plan's actuals, the adoption series' dates, the headline, the median time
 * to hello world at any day).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adoptionHeadline,
  adoptionHeadlineFrom,
  helloWorldTimes,
  medianHelloWorldAsOf,
  reachedDates,
} from '../../shared/domain/adoption';
import {
  actualsFromTallies,
  applyAppTallyDelta,
  appTallyIdsTouched,
  appTallyKeys,
  helloWorldTimesFromTallies,
  reachedDatesFromTallies,
  tallyApps,
  type AppTally,
  type TallyApp,
} from '../../shared/domain/app-tallies';
import { countAppsByCycle } from '../../shared/domain/cycle-actuals';
import type { AppStage } from '../../shared/domain';

const DAY0 = Date.UTC(2024, 0, 1) / 86_400_000;
const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const STAGES: AppStage[] = ['candidate', 'selected', 'onboarding', 'on-platform', 'paused', 'dropped'];

/** An app with any stage, cycle and dates (a first deploy may even come before selection). */
const arbApp = (id: string) =>
  fc
    .record({
      stage: fc.constantFrom(...STAGES),
      cycle: fc.option(fc.constantFrom('c1', 'c2', 'c|3'), { nil: null }),
      team: fc.constantFrom('t1', 't2'),
      s: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      h: fc.option(fc.integer({ min: -20, max: 120 }), { nil: null }),
      p: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    })
    .map(({ stage, cycle, team, s, h, p }): TallyApp => ({
      id,
      stage,
      cycleId: cycle,
      teamId: team,
      selectedOn: s === null ? null : iso(DAY0 + s),
      firstDeployOn: h === null ? null : iso(DAY0 + (s ?? 0) + h),
      productionOn: p === null || h === null ? null : iso(DAY0 + (s ?? 0) + h + p),
    }));

const sorted = (rows: readonly AppTally[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Applies a write to stored rows as the middleware does: reads the touched rows, puts and deletes. */
function write(rows: Map<string, AppTally>, removed: TallyApp[], added: TallyApp[]) {
  const ids = appTallyIdsTouched(removed, added);
  const current = new Map(ids.flatMap((id) => (rows.has(id) ? [[id, rows.get(id)!] as const] : [])));
  const { put, deleted } = applyAppTallyDelta(current, removed, added);
  for (const id of deleted) rows.delete(id);
  for (const row of put) rows.set(row.id, row);
}

describe('the apps’ tallies', () => {
  it('kept through any sequence of adds, edits and deletes, equal a recount (property)', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('put' as const),
        slot: fc.integer({ min: 0, max: 7 }),
        seed: fc.integer(),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        slot: fc.integer({ min: 0, max: 7 }),
        seed: fc.integer(),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 40 }),
        fc.array(arbApp('x'), { minLength: 8, maxLength: 8 }),
        (ops, pool) => {
          const apps = new Map<string, TallyApp>();
          const rows = new Map<string, AppTally>();
          for (const { kind, slot, seed } of ops) {
            const id = `a${slot}`;
            const before = apps.get(id);
            if (kind === 'delete') {
              if (!before) continue;
              apps.delete(id);
              write(rows, [before], []);
            } else {
              const after = { ...pool[Math.abs(seed) % pool.length]!, id };
              apps.set(id, after);
              write(rows, before ? [before] : [], [after]);
            }
            expect(sorted([...rows.values()])).toEqual(sorted(tallyApps([...apps.values()])));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answer what the apps themselves answer: actuals, reached dates, headline, median time to hello world (property)', () => {
    const arbApps = fc.array(arbApp('a'), { maxLength: 60 });
    fc.assert(
      fc.property(
        arbApps,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 200 }),
        (apps, day, eligible) => {
          const rows = tallyApps(apps);
          const actuals = actualsFromTallies(rows);
          expect(actuals.byCycle).toEqual(countAppsByCycle(apps));
          expect(actuals.onPlatform).toBe(apps.filter((a) => a.stage === 'on-platform').length);

          const dates = reachedDatesFromTallies(rows);
          expect(dates).toEqual(reachedDates(apps));
          const asOf = iso(DAY0 + day);
          const cycles = [{ index: 1, startDate: iso(DAY0), endDate: iso(DAY0 + 90), goalApps: 5 }];
          expect(adoptionHeadlineFrom(dates, cycles, eligible, asOf)).toEqual(
            adoptionHeadline(apps, cycles, eligible, asOf),
          );

          const times = helloWorldTimesFromTallies(rows);
          const direct = helloWorldTimes(apps);
          expect(times.on).toEqual(direct.on);
          expect([...times.days].sort()).toEqual([...direct.days].sort());
          expect(medianHelloWorldAsOf(times, asOf)).toEqual(medianHelloWorldAsOf(direct, asOf));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts an app once per row it belongs to, and a candidate or dropped app only by stage', () => {
    const onPlatform: TallyApp = {
      id: 'a',
      stage: 'on-platform',
      cycleId: 'c1',
      teamId: 't',
      selectedOn: '2025-01-06',
      firstDeployOn: '2025-01-20',
      productionOn: '2025-02-03',
    };
    expect(appTallyKeys(onPlatform)).toEqual([
      'stage|on-platform',
      'cycle|c1|on-platform',
      'reached|selected|2025-01#06',
      'reached|helloWorld|2025-01#20',
      'reached|production|2025-02#03',
      'hello|2025-01#20|14',
    ]);
    expect(appTallyKeys({ ...onPlatform, stage: 'dropped' })).toEqual(['stage|dropped']);
    expect(appTallyKeys({ ...onPlatform, stage: 'candidate', cycleId: null })).toEqual(['stage|candidate']);
  });

  it('deletes a row that falls to zero, and leaves untouched rows alone', () => {
    const app: TallyApp = {
      id: 'a',
      stage: 'selected',
      cycleId: 'c1',
      teamId: 't',
      selectedOn: '2025-01-06',
      firstDeployOn: null,
      productionOn: null,
    };
    const rows = new Map(tallyApps([app, { ...app, id: 'b' }]).map((r) => [r.id, r]));
    expect(rows.get('stage|selected')?.count).toBe(2);
    write(rows, [app], [{ ...app, stage: 'onboarding' }]);
    expect(rows.get('stage|selected')?.count).toBe(1);
    expect(rows.get('stage|onboarding')?.count).toBe(1);
    write(rows, [{ ...app, id: 'b' }], []);
    expect(rows.has('stage|selected')).toBe(false);
    // The month's row counts the one app left, on its day.
    expect(rows.get('reached|selected|2025-01')).toEqual({
      id: 'reached|selected|2025-01',
      count: 1,
      parts: [6, 0, 1],
    });
  });
});
