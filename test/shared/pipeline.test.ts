import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_STAGES, appInputSchema, type AppStage } from '../../shared/domain/apps';
import { addDaysIso, daysBetween } from '../../shared/domain/dates';
import {
  countsTowardCycle,
  cycleDateWarnings,
  isoDayNumber,
  pipelineDatesSchema,
  skippedSteps,
  cycleSelectionCheck,
  medianTimeToHelloWorld,
  medianTimeToHelloWorldByCycle,
  PIPELINE_FLOW,
  STAGE_ORDER,
  stageTransitionPatch,
  timeToHelloWorldDays,
} from '../../shared/domain/pipeline';

const fresh = {
  stage: 'candidate' as AppStage,
  selectedOn: null,
  firstDeployOn: null,
  productionOn: null,
  cycleId: null,
};
const today = '2026-05-20';

describe('STAGE_ORDER', () => {
  it('lists every stage once, the main flow first', () => {
    expect([...STAGE_ORDER].sort()).toEqual([...APP_STAGES].sort());
    expect(STAGE_ORDER.slice(0, 4)).toEqual(PIPELINE_FLOW);
    expect(PIPELINE_FLOW).toEqual(['candidate', 'selected', 'onboarding', 'on-platform']);
  });
});

describe('stageTransitionPatch', () => {
  it('stamps the selected date when an app is selected', () => {
    expect(stageTransitionPatch(fresh, 'selected', today)).toEqual({ stage: 'selected', selectedOn: today });
  });

  it('stamps the selected date when an app goes straight to onboarding', () => {
    expect(stageTransitionPatch(fresh, 'onboarding', today)).toEqual({
      stage: 'onboarding',
      selectedOn: today,
    });
  });

  it('keeps a date that is already set', () => {
    const selected = { ...fresh, stage: 'selected' as AppStage, selectedOn: '2026-05-01' };
    expect(stageTransitionPatch(selected, 'onboarding', today)).toEqual({ stage: 'onboarding' });
  });

  it('stamps hello world and production when an app reaches the platform', () => {
    const onboarding = { ...fresh, stage: 'onboarding' as AppStage, selectedOn: '2026-05-01' };
    expect(stageTransitionPatch(onboarding, 'on-platform', today)).toEqual({
      stage: 'on-platform',
      firstDeployOn: today,
      productionOn: today,
    });
  });

  it('keeps a hello world recorded during onboarding and stamps only production', () => {
    const deployed = {
      ...fresh,
      stage: 'onboarding' as AppStage,
      selectedOn: '2026-05-01',
      firstDeployOn: '2026-05-10',
    };
    expect(stageTransitionPatch(deployed, 'on-platform', today)).toEqual({
      stage: 'on-platform',
      productionOn: today,
    });
  });

  it('stamps every step at once for a candidate moved straight onto the platform', () => {
    expect(stageTransitionPatch(fresh, 'on-platform', today)).toEqual({
      stage: 'on-platform',
      selectedOn: today,
      firstDeployOn: today,
      productionOn: today,
    });
  });

  it('never stamps a date before one already set for an earlier step', () => {
    const future = { ...fresh, stage: 'selected' as AppStage, selectedOn: '2026-06-01' };
    expect(stageTransitionPatch(future, 'on-platform', today)).toEqual({
      stage: 'on-platform',
      firstDeployOn: '2026-06-01',
      productionOn: '2026-06-01',
    });
  });

  it.each(['candidate', 'paused', 'dropped'] as const)('stamps and clears nothing on a move to %s', (to) => {
    const live = {
      stage: 'on-platform' as AppStage,
      selectedOn: '2026-01-01',
      firstDeployOn: '2026-02-01',
      productionOn: '2026-03-01',
      cycleId: 'c1',
    };
    expect(stageTransitionPatch(live, to, today)).toEqual({ stage: to });
    expect(stageTransitionPatch(fresh, to, today)).toEqual({ stage: to });
  });

  it('always gives an app the schema accepts, whatever the move and the dates already set', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDaysIso('2026-01-01', n));
    const orderedDates = fc
      .tuple(fc.option(day, { nil: null }), fc.nat(60), fc.nat(60), fc.boolean(), fc.boolean())
      .map(([selectedOn, d1, d2, hasFirst, hasProd]) => {
        const firstDeployOn = selectedOn && hasFirst ? addDaysIso(selectedOn, d1) : null;
        const productionOn = firstDeployOn && hasProd ? addDaysIso(firstDeployOn, d2) : null;
        return { selectedOn, firstDeployOn, productionOn };
      });
    fc.assert(
      fc.property(
        orderedDates,
        fc.constantFrom(...APP_STAGES),
        fc.constantFrom(...APP_STAGES),
        day,
        (dates, from, to, now) => {
          const app = { ...dates, stage: from, cycleId: null };
          const patch = stageTransitionPatch(app, to, now);
          const next = { name: 'x', ...app, ...patch };
          expect(next.stage).toBe(to);
          expect(appInputSchema.safeParse(next).success).toBe(true);
          // Set dates are never changed.
          for (const key of ['selectedOn', 'firstDeployOn', 'productionOn'] as const) {
            if (app[key] !== null) expect(next[key]).toBe(app[key]);
          }
        },
      ),
    );
  });
});

describe('countsTowardCycle', () => {
  it('counts selected, onboarding, on-platform and paused apps of the cycle', () => {
    for (const stage of ['selected', 'onboarding', 'on-platform', 'paused'] as const) {
      expect(countsTowardCycle({ cycleId: 'c1', stage })).toBe(true);
      expect(countsTowardCycle({ cycleId: 'c1', stage }, 'c1')).toBe(true);
    }
  });

  it('does not count dropped apps, candidates, apps of another cycle or apps without a cycle', () => {
    expect(countsTowardCycle({ cycleId: 'c1', stage: 'dropped' })).toBe(false);
    expect(countsTowardCycle({ cycleId: 'c1', stage: 'candidate' })).toBe(false);
    expect(countsTowardCycle({ cycleId: 'c2', stage: 'selected' }, 'c1')).toBe(false);
    expect(countsTowardCycle({ cycleId: null, stage: 'selected' })).toBe(false);
  });
});

describe('cycleSelectionCheck', () => {
  it('wants exactly one app in the initial phase', () => {
    expect(cycleSelectionCheck('initial', 0)).toEqual({
      min: 1,
      max: 1,
      count: 0,
      state: 'under',
      message: 'The initial phase wants exactly one app; none is selected yet.',
    });
    expect(cycleSelectionCheck('initial', 1)).toMatchObject({
      state: 'within',
      message: 'The initial phase wants exactly one app; this cycle has 1.',
    });
    expect(cycleSelectionCheck('initial', 2)).toMatchObject({
      state: 'over',
      message: 'The initial phase wants exactly one app; this cycle has 2.',
    });
  });

  it('wants two to five apps in a scaling cycle', () => {
    expect(cycleSelectionCheck('scaling', 1)).toMatchObject({
      min: 2,
      max: 5,
      state: 'under',
      message: 'A scaling cycle wants two to five apps; this cycle has 1.',
    });
    expect(cycleSelectionCheck('scaling', 2).state).toBe('within');
    expect(cycleSelectionCheck('scaling', 5).state).toBe('within');
    expect(cycleSelectionCheck('scaling', 6)).toMatchObject({
      state: 'over',
      message: 'A scaling cycle wants two to five apps; this cycle has 6.',
    });
  });

  it('treats a negative or fractional count as a whole number of apps', () => {
    expect(cycleSelectionCheck('scaling', -3).count).toBe(0);
    expect(cycleSelectionCheck('scaling', 2.7).count).toBe(2);
  });
});

describe('time to hello world', () => {
  it('counts the days from selection to the first deploy', () => {
    expect(timeToHelloWorldDays({ selectedOn: '2026-01-10', firstDeployOn: '2026-02-09' })).toBe(30);
    expect(timeToHelloWorldDays({ selectedOn: '2026-01-10', firstDeployOn: '2026-01-10' })).toBe(0);
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(timeToHelloWorldDays({ selectedOn: '2026-03-28', firstDeployOn: '2026-03-30' })).toBe(2);
  });

  it('agrees with daysBetween for any two real dates', () => {
    const day = fc.integer({ min: 0, max: 84_000 }).map((n) => addDaysIso('1970-01-01', n));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const expected = daysBetween(a, b);
        expect(timeToHelloWorldDays({ selectedOn: a, firstDeployOn: b })).toBe(
          expected >= 0 ? expected : null,
        );
      }),
    );
  });

  it('numbers days as Date.UTC does, for any text shaped like a day', () => {
    /** What isoDayNumber computed with a regular expression and a Date before it read digits. */
    const byDate = (value: string): number | null => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return null;
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const time = Date.UTC(year, month - 1, day);
      const date = new Date(time);
      if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
        return null;
      return Math.round(time / 86_400_000);
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const shaped = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string({ maxLength: 12 })), (value) => {
        expect(isoDayNumber(value)).toBe(byDate(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('numbers calendar days from 1970-01-01 and refuses days that do not exist', () => {
    expect(isoDayNumber('1970-01-01')).toBe(0);
    expect(isoDayNumber('1970-01-02')).toBe(1);
    expect(isoDayNumber('2024-02-29')).not.toBeNull();
    for (const bad of [
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-5',
      ' 2026-01-05',
      '',
      null,
      undefined,
    ]) {
      expect(isoDayNumber(bad)).toBeNull();
    }
  });

  it('is null until both dates are set, and for dates out of order or not real', () => {
    expect(timeToHelloWorldDays({ selectedOn: '2026-01-10', firstDeployOn: null })).toBeNull();
    expect(timeToHelloWorldDays({ selectedOn: null, firstDeployOn: '2026-01-10' })).toBeNull();
    expect(timeToHelloWorldDays({ selectedOn: '2026-02-10', firstDeployOn: '2026-01-10' })).toBeNull();
    expect(timeToHelloWorldDays({ selectedOn: '2026-02-30', firstDeployOn: '2026-03-10' })).toBeNull();
    expect(timeToHelloWorldDays({ selectedOn: '2026-1-5', firstDeployOn: '2026-03-10' })).toBeNull();
    expect(timeToHelloWorldDays({ selectedOn: '2024-02-29', firstDeployOn: '2024-03-01' })).toBe(1);
  });

  it('takes the median over the apps that have reached hello world', () => {
    const app = (days: number | null) => ({
      selectedOn: '2026-01-01',
      firstDeployOn: days === null ? null : addDaysIso('2026-01-01', days),
    });
    expect(medianTimeToHelloWorld([app(10), app(30), app(20), app(null)])).toBe(20);
    expect(medianTimeToHelloWorld([app(10), app(15)])).toBe(12.5);
    expect(medianTimeToHelloWorld([app(null)])).toBeNull();
    expect(medianTimeToHelloWorld([])).toBeNull();
  });

  it('keeps the median between the shortest and the longest time', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), (days) => {
        const apps = days.map((d) => ({
          selectedOn: '2025-01-01',
          firstDeployOn: addDaysIso('2025-01-01', d),
        }));
        const median = medianTimeToHelloWorld(apps)!;
        expect(median).toBeGreaterThanOrEqual(Math.min(...days));
        expect(median).toBeLessThanOrEqual(Math.max(...days));
      }),
    );
  });

  it('gives the median per cycle, null for a cycle with no hello world yet', () => {
    const apps = [
      { cycleId: 'c1', selectedOn: '2026-01-01', firstDeployOn: '2026-01-11' },
      { cycleId: 'c1', selectedOn: '2026-01-01', firstDeployOn: '2026-01-31' },
      { cycleId: 'c1', selectedOn: '2026-01-01', firstDeployOn: null },
      { cycleId: 'c2', selectedOn: '2026-04-01', firstDeployOn: null },
      { cycleId: null, selectedOn: '2026-01-01', firstDeployOn: '2026-01-02' },
    ];
    const byCycle = medianTimeToHelloWorldByCycle(apps);
    expect([...byCycle.entries()]).toEqual([
      ['c1', 20],
      ['c2', null],
    ]);
  });
});

describe('stageTransitionPatch with the dates the owner gave', () => {
  it('stamps the given dates instead of today', () => {
    const selected = { ...fresh, stage: 'selected' as AppStage, selectedOn: '2026-05-01' };
    expect(
      stageTransitionPatch(selected, 'on-platform', today, {
        firstDeployOn: '2026-05-08',
        productionOn: '2026-05-15',
      }),
    ).toEqual({ stage: 'on-platform', firstDeployOn: '2026-05-08', productionOn: '2026-05-15' });
  });

  it('never overwrites a date already set, whatever is given', () => {
    const deployed = {
      ...fresh,
      stage: 'onboarding' as AppStage,
      selectedOn: '2026-05-01',
      firstDeployOn: '2026-05-10',
    };
    expect(
      stageTransitionPatch(deployed, 'on-platform', today, {
        selectedOn: '2026-01-01',
        firstDeployOn: '2026-02-01',
      }),
    ).toEqual({ stage: 'on-platform', productionOn: today });
  });

  it('stamps today for a step without a given date', () => {
    expect(stageTransitionPatch(fresh, 'on-platform', today, { selectedOn: '2026-04-01' })).toEqual({
      stage: 'on-platform',
      selectedOn: '2026-04-01',
      firstDeployOn: today,
      productionOn: today,
    });
  });
});

describe('skippedSteps', () => {
  it('asks for hello world and production when a selected app goes straight onto the platform', () => {
    const selected = { ...fresh, stage: 'selected' as AppStage, selectedOn: '2026-05-01' };
    expect(skippedSteps(selected, 'on-platform')).toEqual({
      stages: ['onboarding'],
      dates: ['firstDeployOn', 'productionOn'],
    });
  });

  it('asks for every date when a candidate goes straight onto the platform', () => {
    expect(skippedSteps(fresh, 'on-platform')).toEqual({
      stages: ['selected', 'onboarding'],
      dates: ['selectedOn', 'firstDeployOn', 'productionOn'],
    });
  });

  it('asks for the selected date when a candidate goes straight to onboarding', () => {
    expect(skippedSteps(fresh, 'onboarding')).toEqual({ stages: ['selected'], dates: ['selectedOn'] });
  });

  it('skips nothing on a move one stage along, back, or aside', () => {
    const onboarding = { ...fresh, stage: 'onboarding' as AppStage, selectedOn: '2026-05-01' };
    expect(skippedSteps(fresh, 'selected')).toBeNull();
    expect(skippedSteps({ ...fresh, stage: 'selected', selectedOn: '2026-05-01' }, 'onboarding')).toBeNull();
    expect(skippedSteps(onboarding, 'on-platform')).toBeNull();
    expect(skippedSteps(onboarding, 'candidate')).toBeNull();
    expect(skippedSteps(onboarding, 'selected')).toBeNull();
    expect(skippedSteps(fresh, 'paused')).toBeNull();
    expect(skippedSteps(fresh, 'dropped')).toBeNull();
  });

  it('has nothing to ask when every date the move passes is already set', () => {
    const typed = {
      ...fresh,
      stage: 'selected' as AppStage,
      selectedOn: '2026-05-01',
      firstDeployOn: '2026-05-03',
      productionOn: '2026-05-09',
    };
    expect(skippedSteps(typed, 'on-platform')).toBeNull();
  });

  it('reads how far a paused or dropped app had come from its dates', () => {
    const pausedSelected = { ...fresh, stage: 'paused' as AppStage, selectedOn: '2026-05-01' };
    expect(skippedSteps(pausedSelected, 'onboarding')).toBeNull();
    expect(skippedSteps(pausedSelected, 'on-platform')).toEqual({
      stages: ['onboarding'],
      dates: ['firstDeployOn', 'productionOn'],
    });
    const pausedDeployed = { ...pausedSelected, firstDeployOn: '2026-05-09' };
    expect(skippedSteps(pausedDeployed, 'on-platform')).toBeNull();
    expect(skippedSteps({ ...fresh, stage: 'dropped' }, 'onboarding')).toEqual({
      stages: ['selected'],
      dates: ['selectedOn'],
    });
  });

  it('asks for exactly the dates the move would otherwise stamp with today', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDaysIso('2026-01-01', n));
    fc.assert(
      fc.property(
        fc.option(day, { nil: null }),
        fc.option(day, { nil: null }),
        fc.option(day, { nil: null }),
        fc.constantFrom(...APP_STAGES),
        fc.constantFrom(...APP_STAGES),
        (selectedOn, firstDeployOn, productionOn, from, to) => {
          const app = { stage: from, selectedOn, firstDeployOn, productionOn, cycleId: null };
          const skipped = skippedSteps(app, to);
          if (!skipped) return;
          const patch = stageTransitionPatch(app, to, today);
          const stamped = (['selectedOn', 'firstDeployOn', 'productionOn'] as const).filter(
            (k) => patch[k] !== undefined,
          );
          expect(skipped.dates).toEqual(stamped);
          expect(skipped.stages.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('pipelineDatesSchema', () => {
  it('accepts real days in the order of the steps, the same day included', () => {
    const dates = { selectedOn: '2026-05-01', firstDeployOn: '2026-05-01', productionOn: '2026-05-20' };
    expect(pipelineDatesSchema.parse(dates)).toEqual(dates);
    expect(pipelineDatesSchema.parse({ productionOn: '2026-05-20' })).toEqual({ productionOn: '2026-05-20' });
  });

  it("names the date that is out of order, with the app schema's words", () => {
    const result = pipelineDatesSchema.safeParse({
      selectedOn: '2026-05-10',
      firstDeployOn: '2026-05-01',
      productionOn: '2026-04-01',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['firstDeployOn', 'First deploy cannot be before the app was selected'],
      ['productionOn', 'In production cannot be before the first deploy'],
    ]);
  });

  it('refuses a date that is not yyyy-MM-dd or not a real day', () => {
    const issues = (value: unknown) =>
      pipelineDatesSchema.safeParse({ firstDeployOn: value }).error?.issues.map((i) => i.message);
    expect(issues('1/5/2026')).toEqual(['First deploy date must be a date like 2026-01-31']);
    expect(issues('2026-02-30')).toEqual(['First deploy date is not a real calendar date']);
    expect(issues('')).toEqual(['First deploy date is required']);
  });
});

describe('cycleDateWarnings', () => {
  const cycle = { index: 1, name: '', startDate: '2027-03-02', endDate: '2027-06-02' };
  const none = { selectedOn: null, firstDeployOn: null, productionOn: null };

  it('flags hello world and production before the cycle starts', () => {
    expect(
      cycleDateWarnings(
        { selectedOn: '2026-11-20', firstDeployOn: '2026-11-25', productionOn: '2026-12-02' },
        cycle,
      ),
    ).toEqual([
      {
        field: 'firstDeployOn',
        date: '2026-11-25',
        side: 'before-start',
        message: 'Hello world 25 Nov 2026 — before Scaling cycle 1 starts (2 Mar 2027)',
      },
      {
        field: 'productionOn',
        date: '2026-12-02',
        side: 'before-start',
        message: 'In production 2 Dec 2026 — before Scaling cycle 1 starts (2 Mar 2027)',
      },
    ]);
  });

  it('does not flag a selection ahead of the cycle: apps are picked before it starts', () => {
    expect(cycleDateWarnings({ ...none, selectedOn: '2027-02-20' }, cycle)).toEqual([]);
  });

  it('flags any step after the cycle ends, and none on its hand-over day', () => {
    expect(cycleDateWarnings({ ...none, selectedOn: '2027-06-02' }, cycle)).toEqual([]);
    expect(
      cycleDateWarnings({ selectedOn: '2027-06-03', firstDeployOn: '2027-07-01', productionOn: null }, cycle),
    ).toEqual([
      {
        field: 'selectedOn',
        date: '2027-06-03',
        side: 'after-end',
        message: 'Selected 3 Jun 2027 — after Scaling cycle 1 ends (2 Jun 2027)',
      },
      {
        field: 'firstDeployOn',
        date: '2027-07-01',
        side: 'after-end',
        message: 'Hello world 1 Jul 2027 — after Scaling cycle 1 ends (2 Jun 2027)',
      },
    ]);
  });

  it('names the cycle as the app shows it, and says nothing without a cycle or dates inside it', () => {
    const named = { ...cycle, index: 0, name: 'Payments' };
    expect(cycleDateWarnings({ ...none, productionOn: '2027-01-05' }, named)[0]?.message).toBe(
      'In production 5 Jan 2027 — before Initial phase — Payments starts (2 Mar 2027)',
    );
    expect(cycleDateWarnings({ ...none, productionOn: '2027-01-05' }, null)).toEqual([]);
    expect(
      cycleDateWarnings(
        { selectedOn: '2027-03-02', firstDeployOn: '2027-04-01', productionOn: '2027-06-02' },
        cycle,
      ),
    ).toEqual([]);
  });

  it('leaves a date that is not a real day to the schema', () => {
    expect(cycleDateWarnings({ ...none, productionOn: '2026-02-30' }, cycle)).toEqual([]);
  });
});
