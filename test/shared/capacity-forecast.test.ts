/** The seeding capacity forecast: hand-worked cycles, the outcome and its limit, the invariants, the defaults. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capacityDefaultsFromHistory,
  capacityForecastInputSchema,
  forecastCapacity,
  type CapacityForecastInput,
  type CapacityHistory,
} from '../../shared/domain/capacity-forecast';

const base: CapacityForecastInput = {
  seeders: 4,
  peoplePerApp: 2,
  lagCycles: 1,
  trainingShare: 0,
  attritionPerCycle: 0,
  ceilingPerCycle: null,
  eligibleApps: 100,
  targetApps: 20,
  startApps: 0,
  firstCycleIndex: 3,
  startDate: '2026-01-31',
  cycleLengthMonths: 3,
  horizonCycles: 5,
};

const forecast = (changes: Partial<CapacityForecastInput>) => forecastCapacity({ ...base, ...changes });
const column = <K extends keyof ReturnType<typeof forecastCapacity>['cycles'][number]>(
  changes: Partial<CapacityForecastInput>,
  key: K,
) => forecast(changes).cycles.map((c) => c[key]);

describe('forecastCapacity, worked by hand', () => {
  it('doubles the seeders every cycle when each app seeds as many people as it took and the lag is one cycle', () => {
    // 4 seeders → 2 apps, seeding 4 people who seed from the next cycle: 8 → 4 apps, 16 → 8, 32 → 16.
    const result = forecast({});
    expect(result.cycles.map((c) => [c.index, c.seeders, c.apps, c.cumulative])).toEqual([
      [3, 4, 2, 2],
      [4, 8, 4, 6],
      [5, 16, 8, 14],
      [6, 32, 16, 30],
      [7, 64, 32, 62],
    ]);
    expect(result.outcome).toEqual({ status: 'reached', index: 6, date: '2027-01-30', cycles: 4 });
    expect(result.limitedBy).toBe('seeders');
  });

  it('takes training time, leavers and a two-cycle lag into account', () => {
    // 8 seeders, a quarter of their time training: 6 people's work, 3 apps of 2, seeding 6.
    // Cycle 2: half leave (4 seeders, 3 of the 6 in training): ⌊4 × 0.75 ÷ 2⌋ = 1 app, seeding 2.
    // Cycle 3: 2 seeders stay, the first 6 are down to 1.5 and join: 3.5 → ⌊1.3125⌋ = 1 app.
    const changes = {
      seeders: 8,
      trainingShare: 0.25,
      attritionPerCycle: 0.5,
      lagCycles: 2,
      horizonCycles: 3,
    };
    expect(column(changes, 'seeders')).toEqual([8, 4, 3.5]);
    expect(column(changes, 'inTraining')).toEqual([0, 3, 1]);
    expect(column(changes, 'capacity')).toEqual([3, 1, 1]);
    expect(column(changes, 'cumulative')).toEqual([3, 4, 5]);
  });

  it('names the ceiling when it holds back most cycles, and stops at the population', () => {
    const result = forecast({
      seeders: 10,
      peoplePerApp: 1,
      ceilingPerCycle: 3,
      eligibleApps: 7,
      targetApps: 7,
      horizonCycles: 4,
    });
    expect(result.cycles.map((c) => [c.apps, c.limitedBy])).toEqual([
      [3, 'ceiling'],
      [3, 'ceiling'],
      [1, 'population'],
      [0, 'population'],
    ]);
    expect(result.outcome).toMatchObject({ status: 'reached', index: 5 });
    expect(result.limitedBy).toBe('ceiling');
  });

  it('says the population limits a target larger than the population', () => {
    const result = forecast({ eligibleApps: 10, targetApps: 12 });
    expect(result.outcome).toEqual({ status: 'not-reached', date: '2027-04-30', apps: 10 });
    expect(result.limitedBy).toBe('population');
  });

  it('grows nothing from zero seeders, and says the seeders limit it', () => {
    const result = forecast({ seeders: 0, startApps: 5 });
    expect(column({ seeders: 0, startApps: 5 }, 'cumulative')).toEqual([5, 5, 5, 5, 5]);
    expect(result.outcome).toEqual({ status: 'not-reached', date: '2027-04-30', apps: 5 });
    expect(result.limitedBy).toBe('seeders');
  });

  it('reports a target already met, with nothing limiting it', () => {
    const result = forecast({ startApps: 25 });
    expect(result.outcome).toEqual({ status: 'already' });
    expect(result.limitedBy).toBeNull();
  });

  it('dates cycles one after the other from the start, keeping month ends', () => {
    const result = forecast({ horizonCycles: 3 });
    expect(result.cycles.map((c) => [c.startDate, c.endDate])).toEqual([
      ['2026-01-31', '2026-04-30'],
      ['2026-04-30', '2026-07-30'],
      ['2026-07-30', '2026-10-30'],
    ]);
  });

  it('counts 2.9999… people’s worth of work as 3, not 2', () => {
    // 0.1 + 0.2 style: 10 seeders × 0.7 ÷ 2.333… is 3 in exact arithmetic.
    expect(forecast({ seeders: 10, trainingShare: 0.3, peoplePerApp: 7 / 3 }).cycles[0]!.capacity).toBe(3);
  });
});

describe('capacityForecastInputSchema', () => {
  it('names the field of each problem', () => {
    const result = capacityForecastInputSchema.safeParse({
      ...base,
      seeders: -1,
      peoplePerApp: 0,
      lagCycles: 1.5,
      trainingShare: 1,
      attritionPerCycle: Number.NaN,
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      seeders: 'Seeders cannot be negative',
      peoplePerApp: 'People per app must be more than 0',
      lagCycles: 'Lag must be a whole number',
      trainingShare: 'Training share must be at most 95%',
      attritionPerCycle: 'Attrition must be a number',
    });
  });

  it('takes a forecast without a ceiling', () => {
    expect(capacityForecastInputSchema.parse(base).ceilingPerCycle).toBeNull();
  });
});

const arbInput: fc.Arbitrary<CapacityForecastInput> = fc
  .record({
    seeders: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 60, noNaN: true })),
    peoplePerApp: fc.double({ min: 0.2, max: 6, noNaN: true }),
    lagCycles: fc.integer({ min: 1, max: 6 }),
    trainingShare: fc.double({ min: 0, max: 0.95, noNaN: true }),
    attritionPerCycle: fc.double({ min: 0, max: 1, noNaN: true }),
    ceilingPerCycle: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
    eligibleApps: fc.integer({ min: 0, max: 2_000 }),
    targetApps: fc.integer({ min: 0, max: 2_500 }),
    startFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    horizonCycles: fc.integer({ min: 1, max: 30 }),
  })
  .map(({ startFraction, ...rest }) => ({
    ...base,
    ...rest,
    startApps: Math.floor(startFraction * rest.eligibleApps),
  }));

/** Every cycle's cumulative apps of `a` is at least that of `b`. */
function neverFewer(a: CapacityForecastInput, b: CapacityForecastInput) {
  const more = forecastCapacity(a).cycles;
  const fewer = forecastCapacity(b).cycles;
  more.forEach((c, i) => expect(c.cumulative).toBeGreaterThanOrEqual(fewer[i]!.cumulative));
}

describe('forecastCapacity, invariants', () => {
  it('never decreases the cumulative apps, nor exceeds the eligible population', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        let previous = input.startApps;
        for (const c of forecastCapacity(input).cycles) {
          expect(c.cumulative).toBeGreaterThanOrEqual(previous);
          expect(c.cumulative).toBeLessThanOrEqual(input.eligibleApps);
          expect(c.cumulative - previous).toBe(c.apps);
          expect(Number.isInteger(c.apps)).toBe(true);
          previous = c.cumulative;
        }
      }),
    );
  });

  it('never forecasts fewer apps from more seeders', () => {
    fc.assert(
      fc.property(arbInput, fc.double({ min: 0, max: 40, noNaN: true }), (input, extra) =>
        neverFewer({ ...input, seeders: input.seeders + extra }, input),
      ),
    );
  });

  it('never forecasts fewer apps from a shorter lag', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 1, max: 5 }), (input, longer) =>
        neverFewer(input, { ...input, lagCycles: input.lagCycles + longer }),
      ),
    );
  });

  it('never forecasts fewer apps from less attrition', () => {
    fc.assert(
      fc.property(arbInput, fc.double({ min: 0, max: 1, noNaN: true }), (input, more) =>
        neverFewer(input, { ...input, attritionPerCycle: Math.min(1, input.attritionPerCycle + more) }),
      ),
    );
  });

  it('grows nothing from zero seeders', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        for (const c of forecastCapacity({ ...input, seeders: 0 }).cycles) {
          expect(c.apps).toBe(0);
          expect(c.cumulative).toBe(input.startApps);
          expect(c.seeders).toBe(0);
        }
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        expect(forecastCapacity(input)).toEqual(forecastCapacity(input));
      }),
    );
  });

  it('reaches the target exactly when a cycle’s cumulative first meets it', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const { cycles, outcome, limitedBy } = forecastCapacity(input);
        const first = cycles.find((c) => c.cumulative >= input.targetApps);
        if (input.startApps >= input.targetApps) expect(outcome.status).toBe('already');
        else if (first)
          expect(outcome).toMatchObject({ status: 'reached', index: first.index, date: first.endDate });
        else expect(outcome.status).toBe('not-reached');
        if (input.targetApps > input.eligibleApps && input.startApps < input.targetApps)
          expect(limitedBy).toBe('population');
      }),
    );
  });
});

describe('capacityDefaultsFromHistory', () => {
  const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const [c0, c1, c2, c3] = ids(4, 'c');
  const history: CapacityHistory = {
    people: [
      { id: 'eng1', teamId: 'platform', canSeed: true },
      { id: 'eng2', teamId: 'platform', canSeed: true },
      { id: 'dev1', teamId: 'payments', canSeed: true },
      { id: 'dev2', teamId: 'payments', canSeed: false },
      { id: 'dev3', teamId: 'orders', canSeed: true },
      // Left the program: seeds no more.
      { id: 'eng3', teamId: 'platform', canSeed: true, leftOn: '2026-01-15' },
    ],
    assignments: [
      // Cycle 1 (closed): eng1 seeds Payments, eng2 pairs twice: 2 people, 1 app on the platform.
      { kind: 'seeding', personId: 'eng1', targetTeamId: 'payments', cycleId: c1! },
      { kind: 'pairing', personId: 'eng2', targetTeamId: 'payments', cycleId: c1! },
      { kind: 'pairing', personId: 'eng2', targetTeamId: 'payments', cycleId: c1! },
      // Cycle 2 (closed): eng1 seeds Orders; 1 person, 2 apps.
      { kind: 'seeding', personId: 'eng1', targetTeamId: 'orders', cycleId: c2! },
      // Cycle 3 (active): dev1 of Payments seeds others — two cycles after Payments was seeded.
      { kind: 'seeding', personId: 'dev1', targetTeamId: 'search', cycleId: c3! },
      // Without a cycle: counts nowhere.
      { kind: 'pairing', personId: 'dev3', targetTeamId: 'search', cycleId: null },
    ],
    cycles: [
      { id: c0!, index: 0, status: 'closed' },
      { id: c1!, index: 1, status: 'closed' },
      { id: c2!, index: 2, status: 'closed' },
      { id: c3!, index: 3, status: 'active' },
    ],
    onPlatformByCycle: new Map([
      [c1!, 1],
      [c2!, 2],
      [c3!, 4],
    ]),
  };

  it('takes the seeders of today, the people placed per app so far and the lag seen', () => {
    expect(capacityDefaultsFromHistory(history)).toEqual({
      seeders: 4,
      peoplePerApp: 1,
      appsPerSeeder: 1,
      lagCycles: 2,
      basis: { cycles: 2, placements: 3, apps: 3, lagSamples: 1 },
    });
  });

  it('falls back to the playbook’s defaults with no history', () => {
    const defaults = capacityDefaultsFromHistory({
      people: [],
      assignments: [],
      cycles: [],
      onPlatformByCycle: new Map(),
    });
    expect(defaults).toMatchObject({ seeders: 0, peoplePerApp: 2, appsPerSeeder: 0.5, lagCycles: 2 });
  });
});
