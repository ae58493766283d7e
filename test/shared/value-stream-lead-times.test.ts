// Lead time before and after per app (the overview's value streams chart): the first map against
// the latest by "as of", the change per app and over all, hand-worked; and its invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadTimeHeadline, leadTimesBeforeAfter } from '../../shared/domain/value-stream-lead-times';

const step = (processMinutes: number, waitMinutes: number) => ({
  name: 'Step',
  processMinutes,
  waitMinutes,
  pctCompleteAccurate: 100,
});

let counter = 0;
/** A map of `appId` on `date` whose lead time is `lead` minutes (one step: 10 % process, the rest wait). */
function map(appId: string, date: string, lead: number, label = 'Map') {
  counter++;
  return {
    id: `m${String(counter).padStart(4, '0')}`,
    appId,
    label,
    date,
    createdAt: `${date}T09:00:00.000Z`,
    steps: [step(lead / 10, lead - lead / 10)],
  };
}

describe('leadTimesBeforeAfter', () => {
  it('sets each app’s first map against its latest, largest cut first, and the change over all', () => {
    const maps = [
      // Payments: 10 000 → 4 000 min (−60 %), with a map between them that is neither.
      map('payments', '2025-02-01', 10_000, 'Before onboarding'),
      map('payments', '2025-09-01', 6_000, 'Cycle 2'),
      map('payments', '2026-03-01', 4_000, 'After onboarding'),
      // Cards: 5 000 → 4 000 min (−20 %).
      map('cards', '2025-04-01', 5_000),
      map('cards', '2025-11-01', 4_000),
      // Lending: 1 000 → 1 500 min (+50 %): a rise sorts last.
      map('lending', '2025-05-01', 1_000),
      map('lending', '2025-12-01', 1_500),
      // Fraud has one map only: not a before and after.
      map('fraud', '2025-06-01', 9_000),
    ];
    const result = leadTimesBeforeAfter(maps, { asOf: '2026-12-04' });
    expect(
      result.rows.map((r) => [
        r.appId,
        r.beforeMinutes,
        r.afterMinutes,
        Math.round(r.changePct!),
        r.versions,
      ]),
    ).toEqual([
      ['payments', 10_000, 4_000, -60, 3],
      ['cards', 5_000, 4_000, -20, 2],
      ['lending', 1_000, 1_500, 50, 2],
    ]);
    expect(result.rows[0]!.before.label).toBe('Before onboarding');
    expect(result.rows[0]!.after.label).toBe('After onboarding');
    // Mean 16 000 / 3 → 9 500 / 3: (9 500 − 16 000) / 16 000 = −40.625 %.
    expect(result.meanBeforeMinutes).toBeCloseTo(16_000 / 3, 9);
    expect(result.meanAfterMinutes).toBeCloseTo(9_500 / 3, 9);
    expect(result.changePct).toBeCloseTo(-40.625, 9);
    expect(leadTimeHeadline(result)).toBe('Lead time fell 41 % across 3 apps');
  });

  it('counts only maps dated by "as of": a later map neither adds an app nor moves its after', () => {
    const maps = [
      map('payments', '2025-02-01', 10_000),
      map('payments', '2025-09-01', 6_000),
      map('payments', '2026-03-01', 4_000),
      map('cards', '2025-04-01', 5_000),
      map('cards', '2025-11-01', 4_000),
    ];
    const result = leadTimesBeforeAfter(maps, { asOf: '2025-10-31' });
    expect(result.rows.map((r) => [r.appId, r.afterMinutes, r.versions])).toEqual([['payments', 6_000, 2]]);
    // On the day of the map it counts.
    expect(leadTimesBeforeAfter(maps, { asOf: '2025-11-01' }).rows).toHaveLength(2);
  });

  it('keeps only the apps asked for (a team’s)', () => {
    const maps = [
      map('payments', '2025-02-01', 10_000),
      map('payments', '2025-09-01', 6_000),
      map('cards', '2025-04-01', 5_000),
      map('cards', '2025-11-01', 4_000),
    ];
    const result = leadTimesBeforeAfter(maps, { asOf: '2026-01-01', appIds: new Set(['cards']) });
    expect(result.rows.map((r) => r.appId)).toEqual(['cards']);
    expect(leadTimeHeadline(result)).toBe('Lead time fell 20 % across 1 app');
  });

  it('orders an app’s maps by date, then by when they were recorded, whatever the input order', () => {
    const later = map('payments', '2026-01-01', 2_000);
    const first = map('payments', '2025-01-01', 8_000);
    const sameDayLater = { ...map('payments', '2026-01-01', 1_000), createdAt: '2026-01-01T17:00:00.000Z' };
    const [row] = leadTimesBeforeAfter([sameDayLater, later, first], { asOf: '2026-12-01' }).rows;
    expect(row!.before.id).toBe(first.id);
    expect(row!.after.id).toBe(sameDayLater.id);
  });

  it('says so when there is nothing to compare, or no time on the first maps', () => {
    const none = leadTimesBeforeAfter([map('payments', '2025-01-01', 500)], { asOf: '2026-01-01' });
    expect(none).toEqual({ rows: [], meanBeforeMinutes: 0, meanAfterMinutes: 0, changePct: undefined });
    expect(leadTimeHeadline(none)).toBeNull();
    const zero = leadTimesBeforeAfter([map('a', '2025-01-01', 0), map('a', '2025-06-01', 60)], {
      asOf: '2026-01-01',
    });
    expect(zero.rows[0]!.changePct).toBeUndefined();
    expect(leadTimeHeadline(zero)).toBe('Lead time not comparable across 1 app: no time on the first maps');
    const same = leadTimesBeforeAfter([map('a', '2025-01-01', 1000), map('a', '2025-06-01', 1004)], {
      asOf: '2026-01-01',
    });
    expect(leadTimeHeadline(same)).toBe('Lead time unchanged across 1 app');
  });

  it('holds for any maps: one row per app mapped twice by "as of", the overall change from the rows', () => {
    const mapArb = fc.record({
      appId: fc.constantFrom('a', 'b', 'c', 'd'),
      date: fc.constantFrom('2025-01-01', '2025-06-01', '2025-12-01', '2026-06-01'),
      lead: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(mapArb, { maxLength: 20 }),
        fc.constantFrom('2025-06-01', '2026-12-31'),
        (specs, asOf) => {
          const maps = specs.map((s) => map(s.appId, s.date, s.lead));
          const result = leadTimesBeforeAfter(maps, { asOf });
          const counted = new Map<string, number>();
          for (const s of specs) if (s.date <= asOf) counted.set(s.appId, (counted.get(s.appId) ?? 0) + 1);
          const expected = [...counted].filter(([, n]) => n >= 2).map(([id]) => id);
          expect(result.rows.map((r) => r.appId).sort()).toEqual(expected.sort());
          for (const row of result.rows) {
            expect(row.before.date <= row.after.date).toBe(true);
            expect(row.after.date <= asOf).toBe(true);
          }
          // Largest cut first.
          for (let i = 1; i < result.rows.length; i++)
            expect(result.rows[i - 1]!.changePct!).toBeLessThanOrEqual(result.rows[i]!.changePct!);
          if (result.rows.length > 0) {
            const before = result.rows.reduce((s, r) => s + r.beforeMinutes, 0);
            const after = result.rows.reduce((s, r) => s + r.afterMinutes, 0);
            expect(result.changePct!).toBeCloseTo(((after - before) / before) * 100, 6);
            // The overall change lies between the apps' smallest and largest.
            const changes = result.rows.map((r) => r.changePct!);
            expect(result.changePct!).toBeGreaterThanOrEqual(Math.min(...changes) - 1e-9);
            expect(result.changePct!).toBeLessThanOrEqual(Math.max(...changes) + 1e-9);
          }
        },
      ),
    );
  });
});
