/** The forecast with odds: hand-worked cases with a fixed seed, the reasons it cannot forecast, and its invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, type IsoDate } from '../../shared/domain/dates';
import {
  dateTargetReached,
  fanAtDates,
  forecastCalibration,
  forecastTarget,
  platformArrivals,
  weeklyThroughput,
  type Forecast,
  type ForecastInput,
  type ForecastResult,
} from '../../shared/domain/forecast';
import {
  indexOfBits,
  Mulberry32,
  mulberry32,
  MULBERRY32_STEP,
  mulberry32Bits,
  randomIndex,
} from '../../shared/domain/random';

const AS_OF = '2027-01-06';

/** Arrival dates giving `perWeek[i]` apps in history week i (oldest first) ending on `asOf`. */
function arrivalsFor(perWeek: readonly number[], asOf: IsoDate = AS_OF): IsoDate[] {
  const out: IsoDate[] = [];
  perWeek.forEach((n, i) => {
    const weekEnd = addDaysIso(asOf, -(perWeek.length - 1 - i) * 7);
    // Spread over the week's seven days: the last day of the week is its end.
    for (let k = 0; k < n; k++) out.push(addDaysIso(weekEnd, -(k % 7)));
  });
  return out;
}

function mustForecast(result: ForecastResult): Forecast {
  if (result.kind !== 'forecast') throw new Error(`expected a forecast, got ${JSON.stringify(result)}`);
  return result;
}

const weeksOf = (f: Forecast) => f.dates.map((d) => d.weeks);

describe('mulberry32', () => {
  it('gives the same sequence for a seed, a different one for another seed, always in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    const r = mulberry32(7);
    let sum = 0;
    let [min, max] = [1, 0];
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const x = r();
      [min, max] = [Math.min(min, x), Math.max(max, x)];
      sum += x;
      buckets[randomIndex(() => x, 4)]! += 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Uniform: the mean within 1 % of ½, each quarter within 5 % of 10,000.
    expect(Math.abs(sum / 40_000 - 0.5)).toBeLessThan(0.01);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});

describe('mulberry32 as plain numbers', () => {
  it("steps from the stream's state to the same numbers as next()", () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(50), (seed, skip) => {
        const stream = new Mulberry32(seed);
        for (let i = 0; i < skip; i++) stream.next();
        let state = stream.state;
        for (let i = 0; i < 20; i++) {
          state = (state + MULBERRY32_STEP) | 0;
          expect((mulberry32Bits(state) >>> 0) / 2 ** 32).toBe(stream.next());
        }
        expect(stream.state).toBe(state >>> 0);
      }),
      { numRuns: 100 },
    );
  });

  it('indexOfBits is Math.floor(bits / 2^32 · n), at the edges of every index too', () => {
    const floorIndex = (bits: number, n: number) => Math.floor(((bits >>> 0) / 2 ** 32) * n);
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 32_767 }), (state, n) => {
        const bits = mulberry32Bits(state);
        expect(indexOfBits(bits, n)).toBe(floorIndex(bits, n));
      }),
      { numRuns: 2000 },
    );
    // The first bits of each index and the last of the one before, where rounding would show.
    for (const n of [1, 2, 3, 7, 26, 52, 104, 520, 1000, 9973, 32_767]) {
      for (const k of [0, 1, Math.floor(n / 3), n - 1, n]) {
        const first = Math.ceil((k * 2 ** 32) / n);
        for (const unsigned of [first - 1, first, first + 1]) {
          if (unsigned < 0 || unsigned >= 2 ** 32) continue;
          expect(indexOfBits(unsigned | 0, n)).toBe(floorIndex(unsigned, n));
        }
      }
    }
  });
});

describe('Mulberry32.fillIndices', () => {
  it('draws the same indices as the stream one number at a time, and the stream goes on from there', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1_000_000 }), fc.nat(300), (seed, n, length) => {
        const one = mulberry32(seed);
        const expected = Array.from({ length }, () => Math.floor(one() * n));
        const stream = new Mulberry32(seed);
        const block = new Int32Array(length);
        stream.fillIndices(block, n);
        expect([...block]).toEqual(expected);
        expect(stream.next()).toBe(one());
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * The model as the module's comment states it, written plainly: every trial draws every week, one
 * number at a time; the fan's percentiles by sorting. The function must agree with it exactly.
 */
function plainForecast(
  throughput: number[],
  current: number,
  target: number,
  trials: number,
  seed: number,
  horizon: number,
) {
  const random = mulberry32(seed);
  const counts = new Array<number>(trials).fill(current);
  const needed = [50, 85, 95].map((l) => Math.ceil((l * trials) / 100));
  const weeks: (number | null)[] = [null, null, null];
  const fan: number[][] = [[current, current, current, current, current]];
  let reached = 0;
  for (let week = 1; week <= horizon && reached < needed[2]!; week++) {
    for (let t = 0; t < trials; t++) {
      const drawn = throughput[Math.floor(random() * throughput.length)]!;
      if (counts[t]! < target) {
        counts[t] = Math.min(target, counts[t]! + drawn);
        if (counts[t] === target) reached += 1;
      }
    }
    needed.forEach((n, i) => {
      if (weeks[i] === null && reached >= n) weeks[i] = week;
    });
    const sorted = [...counts].sort((a, b) => a - b);
    fan.push([5, 15, 50, 85, 95].map((p) => sorted[Math.min(trials - 1, Math.floor((p * trials) / 100))]!));
  }
  return { weeks, fan };
}

describe('forecastTarget against the plain model', () => {
  /** The forecast equals the plain model: its dates and fan, and its dates without the fan. */
  function expectPlain(
    perWeek: number[],
    current: number,
    remaining: number,
    horizon: number,
    trials: number,
    seed: number,
  ) {
    if (perWeek.every((n) => n === 0)) return;
    const input: ForecastInput = {
      arrivals: arrivalsFor(perWeek),
      asOf: AS_OF,
      historyWeeks: perWeek.length,
      current,
      target: current + remaining,
      trials,
      seed,
      horizonWeeks: horizon,
    };
    const plain = plainForecast(perWeek, current, current + remaining, trials, seed, horizon);
    const f = mustForecast(forecastTarget(input));
    expect(weeksOf(f)).toEqual(plain.weeks);
    expect(f.fan.map((p) => [p.p5, p.p15, p.p50, p.p85, p.p95])).toEqual(plain.fan);
    // Without the fan the simulation may stop as soon as no more dates can come: the same dates.
    expect(weeksOf(mustForecast(forecastTarget({ ...input, fan: false })))).toEqual(plain.weeks);
  }

  it('gives the same dates and fan, and the same dates without the fan, for any history, horizon and seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 12 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer(),
        (perWeek, remaining, horizon, trials, seed) =>
          expectPlain(perWeek, 3, remaining, horizon, trials, seed),
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same as the plain model for long histories, big weeks and many trials reaching the target', () => {
    // Up to 200 weeks: the history index drawn in whole-number arithmetic, over more weeks; weeks
    // of up to 12 apps against up to 400 to go: trials reach the target and leave the histogram.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 13, maxLength: 200 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer(),
        (perWeek, remaining, horizon, trials, seed) =>
          expectPlain(perWeek, 0, remaining, horizon, trials, seed),
      ),
      { numRuns: 40 },
    );
  });
});

describe('weeklyThroughput', () => {
  it('counts arrivals per week ending on the as-of day, zero weeks included, later arrivals ignored', () => {
    const arrivals = ['2027-01-06', '2026-12-31', '2026-12-30', '2026-12-20', '2027-01-07', 'not a date'];
    // Week 0: 31 Dec – 6 Jan (2); week 1: 24–30 Dec (1); week 2: 17–23 Dec (1); week 3: none.
    expect(weeklyThroughput(arrivals, AS_OF, 4)).toEqual({ throughput: [0, 1, 1, 2], onPlatform: 4 });
  });

  it('leaves out the weeks that start before the history start', () => {
    // 6 Jan back to 17 Dec is three whole weeks; the week of 10–16 Dec starts before 12 Dec.
    expect(weeklyThroughput(['2026-12-13'], AS_OF, 8, '2026-12-12').throughput).toEqual([0, 0, 0]);
    expect(weeklyThroughput([], AS_OF, 8, '2026-12-10').throughput).toHaveLength(4);
    expect(weeklyThroughput([], AS_OF, 8, '2027-02-01').throughput).toEqual([]);
  });
});

describe('forecastTarget: hand-worked cases with a fixed seed', () => {
  it('constant throughput of 2 a week reaches 10 more apps in exactly 5 weeks at every likelihood', () => {
    const f = mustForecast(
      forecastTarget({
        arrivals: arrivalsFor([2, 2, 2, 2, 2, 2, 2, 2]),
        asOf: AS_OF,
        historyWeeks: 8,
        target: 26,
      }),
    );
    expect(f.current).toBe(16);
    expect(f.throughput).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(f.historyFrom).toBe('2026-11-12');
    expect(f.dates).toEqual([
      { likelihood: 50, weeks: 5, date: '2027-02-10' },
      { likelihood: 85, weeks: 5, date: '2027-02-10' },
      { likelihood: 95, weeks: 5, date: '2027-02-10' },
    ]);
    expect(f.fan.map((p) => [p.date, p.p5, p.p50, p.p95])).toEqual([
      ['2027-01-06', 16, 16, 16],
      ['2027-01-13', 18, 18, 18],
      ['2027-01-20', 20, 20, 20],
      ['2027-01-27', 22, 22, 22],
      ['2027-02-03', 24, 24, 24],
      ['2027-02-10', 26, 26, 26],
    ]);
  });

  it('one week in four with 10 apps: reached by week j with likelihood 1 − 0.75^j', () => {
    // 1 − 0.75^j: week 2 0.44, week 3 0.58 → P50 week 3; week 6 0.82, week 7 0.87 → P85 week 7;
    // week 10 0.944, week 11 0.958 → P95 week 11. 10,000 trials land within 3 standard errors.
    const f = mustForecast(
      forecastTarget({
        arrivals: arrivalsFor([0, 0, 10, 0]),
        asOf: AS_OF,
        historyWeeks: 4,
        target: 20,
        seed: 1,
      }),
    );
    expect(f.current).toBe(10);
    expect(weeksOf(f)).toEqual([3, 7, 11]);
    expect(f.dates.map((d) => d.date)).toEqual(['2027-01-27', '2027-02-24', '2027-03-24']);
    // Each edge of the fan meets the target in the week of its date.
    const firstAt = (key: 'p5' | 'p15' | 'p50') => f.fan.find((p) => p[key] === 20)?.week;
    expect([firstAt('p50'), firstAt('p15'), firstAt('p5')]).toEqual([3, 7, 11]);
    expect(f.fan.at(-1)?.week).toBe(11);
  });

  it('gives the same dates without the fan', () => {
    const input = { arrivals: arrivalsFor([0, 0, 10, 0]), asOf: AS_OF, historyWeeks: 4, target: 20, seed: 1 };
    const datesOnly = mustForecast(forecastTarget({ ...input, fan: false }));
    expect(datesOnly.dates).toEqual(mustForecast(forecastTarget(input)).dates);
    expect(datesOnly.fan).toHaveLength(1);
  });

  it('the current count given overrides the arrivals counted', () => {
    const f = mustForecast(
      forecastTarget({
        arrivals: arrivalsFor([3, 3, 3, 3]),
        asOf: AS_OF,
        historyWeeks: 4,
        current: 0,
        target: 9,
      }),
    );
    expect(weeksOf(f)).toEqual([3, 3, 3]);
  });

  it('gives no date for a likelihood beyond the horizon', () => {
    // 1 app in 52 weeks, 5 to go: the 95 % date lies far beyond a 26-week horizon.
    const perWeek = Array.from({ length: 52 }, (_, i) => (i === 10 ? 1 : 0));
    const f = mustForecast(
      forecastTarget({
        arrivals: arrivalsFor(perWeek),
        asOf: AS_OF,
        historyWeeks: 52,
        target: 6,
        horizonWeeks: 26,
      }),
    );
    expect(f.dates.map((d) => d.date)).toEqual([null, null, null]);
    expect(f.fan).toHaveLength(27);
    expect(f.horizonWeeks).toBe(26);
  });
});

describe('forecastTarget: when it cannot forecast', () => {
  it('says the target is reached when it is', () => {
    expect(
      forecastTarget({ arrivals: arrivalsFor([5, 5]), asOf: AS_OF, historyWeeks: 2, target: 10 }),
    ).toEqual({
      kind: 'reached',
      asOf: AS_OF,
      current: 10,
      target: 10,
    });
  });

  it('says the history is too short, with how many weeks there are', () => {
    const result = forecastTarget({
      arrivals: arrivalsFor([1, 2]),
      asOf: AS_OF,
      historyWeeks: 26,
      historyStart: '2026-12-20',
      target: 10,
    });
    expect(result).toMatchObject({ kind: 'cannot', reason: 'short-history', historyWeeks: 2 });
    expect(result.kind === 'cannot' && result.message).toBe(
      'Only 2 weeks of history: a forecast needs at least 4.',
    );
  });

  it('says there is no pace to project when no app arrived in the window', () => {
    const result = forecastTarget({
      arrivals: ['2020-01-01'],
      asOf: AS_OF,
      historyWeeks: 26,
      target: 10,
    });
    expect(result).toMatchObject({ kind: 'cannot', reason: 'no-throughput', current: 1, historyWeeks: 26 });
  });

  it('refuses input that is not whole or out of range', () => {
    const base: ForecastInput = { arrivals: [], asOf: AS_OF, historyWeeks: 4, target: 5 };
    expect(() => forecastTarget({ ...base, trials: 0 })).toThrow(/Trials/);
    expect(() => forecastTarget({ ...base, historyWeeks: 2.5 })).toThrow(/History window/);
    expect(() => forecastTarget({ ...base, asOf: '2027-02-30' })).toThrow(/As of/);
  });
});

describe('dateTargetReached and platformArrivals', () => {
  it('is the day the target-th app reached the platform, null before', () => {
    const arrivals = ['2026-03-01', '2026-01-01', '2026-02-01'];
    expect(dateTargetReached(arrivals, 2)).toBe('2026-02-01');
    expect(dateTargetReached(arrivals, 3, '2026-02-15')).toBeNull();
    expect(dateTargetReached(arrivals, 4)).toBeNull();
  });

  it('reads the production date of the apps that have one', () => {
    expect(platformArrivals([{ productionOn: null }, { productionOn: '2026-01-01' }])).toEqual([
      '2026-01-01',
    ]);
  });
});

describe('forecastTarget: invariants', () => {
  const weekly = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 20 });
  const inputOf = (perWeek: number[], remaining: number, seed: number): ForecastInput => ({
    arrivals: arrivalsFor(perWeek),
    asOf: AS_OF,
    historyWeeks: perWeek.length,
    current: 3,
    target: 3 + remaining,
    trials: 200,
    seed,
    horizonWeeks: 200,
  });
  const order = (w: number | null) => w ?? Number.POSITIVE_INFINITY;

  it('P50 ≤ P85 ≤ P95, and the fan widens in order and never falls', () => {
    fc.assert(
      fc.property(weekly, fc.integer({ min: 1, max: 60 }), fc.integer(), (perWeek, remaining, seed) => {
        const result = forecastTarget(inputOf(perWeek, remaining, seed));
        if (result.kind !== 'forecast') return;
        const [p50, p85, p95] = weeksOf(result).map(order);
        expect(p50).toBeLessThanOrEqual(p85!);
        expect(p85).toBeLessThanOrEqual(p95!);
        result.fan.forEach((p, i) => {
          expect([p.p5, p.p15, p.p50, p.p85, p.p95]).toEqual(
            [p.p5, p.p15, p.p50, p.p85, p.p95].sort((a, b) => a - b),
          );
          const before = result.fan[i - 1];
          if (before) expect(p.p5).toBeGreaterThanOrEqual(before.p5);
          if (before) expect(p.p95).toBeGreaterThanOrEqual(before.p95);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('more throughput in any week is never later, with the same seed', () => {
    fc.assert(
      fc.property(
        weekly.chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.array(fc.integer({ min: 0, max: 3 }), { minLength: w.length, maxLength: w.length }),
          ),
        ),
        fc.integer({ min: 1, max: 60 }),
        fc.integer(),
        ([perWeek, extra], remaining, seed) => {
          const slower = forecastTarget(inputOf(perWeek, remaining, seed));
          const faster = forecastTarget(
            inputOf(
              perWeek.map((n, i) => n + extra[i]!),
              remaining,
              seed,
            ),
          );
          if (slower.kind === 'cannot') return;
          const fast = mustForecast(faster);
          const slowWeeks = slower.kind === 'forecast' ? weeksOf(slower) : [0, 0, 0];
          weeksOf(fast).forEach((w, i) => expect(order(w)).toBeLessThanOrEqual(order(slowWeeks[i]!)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is the same for the same seed and input', () => {
    fc.assert(
      fc.property(weekly, fc.integer({ min: 1, max: 60 }), fc.integer(), (perWeek, remaining, seed) => {
        expect(forecastTarget(inputOf(perWeek, remaining, seed))).toEqual(
          forecastTarget(inputOf(perWeek, remaining, seed)),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('a history without throughput says it cannot forecast', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 52 }), fc.integer({ min: 1, max: 100 }), (weeks, remaining) => {
        const result = forecastTarget(inputOf(new Array<number>(weeks).fill(0), remaining, 1));
        expect(result).toMatchObject({ kind: 'cannot', reason: 'no-throughput' });
      }),
      { numRuns: 30 },
    );
  });
});

describe('forecastCalibration', () => {
  // Two apps a week from 4 Nov 2026 (a Wednesday) on; the 10th arrives on 2 Dec 2026.
  const arrivals = Array.from({ length: 20 }, (_, i) => addDaysIso('2026-11-04', Math.floor(i / 2) * 7));
  const cycles = [
    { id: 'c2', index: 2, endDate: '2026-12-10' },
    { id: 'c0', index: 0, endDate: '2026-11-05' },
    { id: 'c1', index: 1, endDate: '2026-11-26' },
    { id: 'c3', index: 3, endDate: '2027-03-01' },
  ];
  const input = {
    arrivals,
    cycles,
    today: '2026-12-20',
    historyWeeks: 4,
    historyStart: '2026-10-29',
    target: 10,
  };

  it('forecasts as of each past cycle end from the arrivals known then, beside the day the target was reached', () => {
    const points = forecastCalibration(input);
    expect(points.map((p) => p.cycleId)).toEqual(['c0', 'c1', 'c2']);
    // c0: one week of history on 4 Nov: too short.
    expect(points[0]).toMatchObject({
      asOf: '2026-11-04',
      kind: 'cannot',
      current: 2,
      p50: null,
      p85Outcome: null,
    });
    // c1, as of 25 Nov: 4 weeks of 2 apps (29 Oct–25 Nov), 8 on the platform, 2 to go: 1 week, 2 Dec.
    expect(points[1]).toMatchObject({
      asOf: '2026-11-25',
      kind: 'forecast',
      current: 8,
      p50: '2026-12-02',
      p85: '2026-12-02',
      reachedOn: '2026-12-02',
      p50Outcome: 'met',
      p85Outcome: 'met',
    });
    // c2, as of 9 Dec: 12 on the platform, the target of 10 already reached.
    expect(points[2]).toMatchObject({ kind: 'reached', current: 12, reachedOn: '2026-12-02' });
  });

  it('calls a date met, missed or open by what happened since', () => {
    // Target 30: never reached; c1's forecast (11 more weeks at 2 a week) ends in February: open.
    const points = forecastCalibration({ ...input, target: 30 });
    expect(points[1]).toMatchObject({ p50: '2027-02-10', reachedOn: null, p50Outcome: 'open' });
    // Seen from a later today, the same date has passed without the target: missed.
    const later = forecastCalibration({ ...input, target: 30, today: '2027-03-02' });
    expect(later[1]).toMatchObject({ p50: '2027-02-10', p50Outcome: 'missed' });
  });
});

describe('fanAtDates', () => {
  it('reads the fan at month ends: the week ending on or before, the target after the 95 % date, null before', () => {
    const f = mustForecast(
      forecastTarget({
        arrivals: arrivalsFor([2, 2, 2, 2, 2, 2, 2, 2]),
        asOf: AS_OF,
        historyWeeks: 8,
        target: 26,
      }),
    );
    // Week ends: 13, 20, 27 Jan (22), 3 Feb (24), 10 Feb (26, the target).
    expect(fanAtDates(f, ['2027-01-05', '2027-01-06', '2027-01-31', '2027-02-09', '2027-12-31'])).toEqual([
      null,
      expect.objectContaining({ date: '2027-01-06', week: 0, p50: 16 }),
      expect.objectContaining({ date: '2027-01-31', week: 3, p5: 22, p95: 22 }),
      expect.objectContaining({ date: '2027-02-09', week: 4, p50: 24 }),
      expect.objectContaining({ date: '2027-12-31', week: 5, p5: 26 }),
    ]);
  });

  it('says nothing beyond a horizon the fan stopped at', () => {
    const perWeek = Array.from({ length: 52 }, (_, i) => (i === 10 ? 1 : 0));
    const f = mustForecast(
      forecastTarget({
        arrivals: arrivalsFor(perWeek),
        asOf: AS_OF,
        historyWeeks: 52,
        target: 6,
        horizonWeeks: 26,
      }),
    );
    expect(fanAtDates(f, ['2027-07-01', '2028-01-01'])[0]).toMatchObject({ week: 25 });
    expect(fanAtDates(f, ['2027-07-01', '2028-01-01'])[1]).toBeNull();
  });
});
