/**
 * The adoption series the overview draws: buckets by week, month, quarter and cycle (across year
 * ends and in time zones that skipped days), cumulative apps by step as of a day, the plan line,
 * the adoption rate and the reading, the median time to hello world as of a day, and the
 * downsampler that keeps charts under 600 points.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adoptionHeadline,
  adoptionReading,
  adoptionSeries,
  bucketOf,
  bucketsBetween,
  cycleBands,
  downsample,
  helloWorldTimes,
  medianHelloWorldAsOf,
  medianHelloWorldOnEach,
  medianTimeToHelloWorldAsOf,
  planLine,
  plannedAt,
  reachedOn,
  type AdoptionApp,
} from '../../shared/domain/adoption';
import { addDaysIso, type Granularity } from '../../shared/domain/dates';
import { median, timeToHelloWorldDays } from '../../shared/domain/pipeline';

const CYCLES = [
  {
    id: 'c0',
    index: 0,
    phase: 'initial' as const,
    startDate: '2025-10-01',
    endDate: '2026-01-01',
    goalApps: 1,
  },
  {
    id: 'c1',
    index: 1,
    phase: 'scaling' as const,
    startDate: '2026-01-01',
    endDate: '2026-04-01',
    goalApps: 3,
  },
  {
    id: 'c2',
    index: 2,
    phase: 'scaling' as const,
    startDate: '2026-04-01',
    endDate: '2026-07-01',
    goalApps: 6,
  },
];

let nextId = 0;
function app(patch: Partial<AdoptionApp>): AdoptionApp {
  return {
    id: `a${nextId++}`,
    stage: 'on-platform',
    teamId: null,
    selectedOn: null,
    firstDeployOn: null,
    productionOn: null,
    ...patch,
  };
}

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('buckets', () => {
  it.each(['Pacific/Apia', 'Pacific/Kiritimati', 'America/Sao_Paulo', 'UTC'])(
    'bucket weeks, months and quarters across a year end the same way in %s',
    (zone) => {
      process.env.TZ = zone;
      // 2011-12-30 was skipped in Samoa; weeks start on Monday, ISO week numbers.
      expect(bucketsBetween('2011-12-28', '2012-01-09', 'week')).toEqual([
        { start: '2011-12-26', end: '2012-01-02', label: 'W52 2011' },
        { start: '2012-01-02', end: '2012-01-09', label: 'W01 2012' },
        { start: '2012-01-09', end: '2012-01-16', label: 'W02 2012' },
      ]);
      // The ISO week that holds 1 January 2026 began on 29 December 2025.
      expect(bucketsBetween('2025-12-31', '2026-01-01', 'week')[0]).toEqual({
        start: '2025-12-29',
        end: '2026-01-05',
        label: 'W01 2026',
      });
      expect(
        bucketsBetween('2025-11-15', '2026-02-01', 'month').map((b) => [b.start, b.end, b.label]),
      ).toEqual([
        ['2025-11-01', '2025-12-01', 'Nov 2025'],
        ['2025-12-01', '2026-01-01', 'Dec 2025'],
        ['2026-01-01', '2026-02-01', 'Jan 2026'],
        ['2026-02-01', '2026-03-01', 'Feb 2026'],
      ]);
      expect(
        bucketsBetween('2025-11-15', '2026-01-01', 'quarter').map((b) => [b.start, b.end, b.label]),
      ).toEqual([
        ['2025-10-01', '2026-01-01', 'Q4 2025'],
        ['2026-01-01', '2026-04-01', 'Q1 2026'],
      ]);
    },
  );

  it('buckets by the cycles that overlap the range, ending on their hand-over day', () => {
    expect(bucketsBetween('2025-12-31', '2026-04-01', 'cycle', CYCLES)).toEqual([
      { start: '2025-10-01', end: '2026-01-01', label: 'Initial', cycleId: 'c0' },
      { start: '2026-01-01', end: '2026-04-01', label: 'Cycle 1', cycleId: 'c1' },
      { start: '2026-04-01', end: '2026-07-01', label: 'Cycle 2', cycleId: 'c2' },
    ]);
    // The hand-over day belongs to the next cycle.
    expect(bucketsBetween('2026-01-01', '2026-03-31', 'cycle', CYCLES).map((b) => b.cycleId)).toEqual(['c1']);
    expect(bucketsBetween('2026-02-01', '2026-01-01', 'month')).toEqual([]);
  });

  it('covers every day of the range exactly once, whatever the granularity (property)', () => {
    const day0 = Date.UTC(2019, 0, 1) / 86_400_000;
    const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: day0, max: day0 + 3000 }),
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom<Granularity>('week', 'month', 'quarter'),
        fc.integer({ min: 0, max: 800 }),
        (start, length, granularity, probe) => {
          const from = iso(start);
          const to = iso(start + length);
          const buckets = bucketsBetween(from, to, granularity);
          expect(buckets[0]!.start <= from).toBe(true);
          expect(buckets.at(-1)!.end > to).toBe(true);
          for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
          const day = iso(start + Math.min(probe, length));
          const bucket = bucketOf(buckets, day)!;
          expect(bucket.start <= day && day < bucket.end).toBe(true);
        },
      ),
    );
  });
});

describe('cumulative apps by step', () => {
  it('counts an app at a step from the earliest date that shows it there or beyond', () => {
    const skipped = app({ productionOn: '2026-05-03' });
    expect(reachedOn(skipped, 'selected')).toBe('2026-05-03');
    expect(reachedOn(skipped, 'helloWorld')).toBe('2026-05-03');
    const full = app({ selectedOn: '2026-01-05', firstDeployOn: '2026-02-01', productionOn: '2026-03-01' });
    expect(reachedOn(full, 'selected')).toBe('2026-01-05');
    expect(reachedOn(full, 'helloWorld')).toBe('2026-02-01');
    expect(reachedOn({ ...full, stage: 'dropped' }, 'selected')).toBeNull();
    expect(reachedOn({ ...full, stage: 'candidate' }, 'production')).toBeNull();
    expect(reachedOn(app({ stage: 'selected', selectedOn: '2026-01-05' }), 'helloWorld')).toBeNull();
  });

  const APPS = [
    app({ selectedOn: '2025-10-10', firstDeployOn: '2025-11-20', productionOn: '2025-12-15', teamId: 't1' }),
    app({ selectedOn: '2026-01-10', firstDeployOn: '2026-02-01', productionOn: '2026-03-31' }),
    app({ stage: 'onboarding', selectedOn: '2026-01-10', firstDeployOn: '2026-03-01' }),
    app({ stage: 'selected', selectedOn: '2026-04-02' }),
    // Reached production after "as of" in the tests below: not known then.
    app({ selectedOn: '2026-04-02', firstDeployOn: '2026-04-20', productionOn: '2026-05-20' }),
    app({ stage: 'dropped', selectedOn: '2026-01-10' }),
  ];

  it('takes each bucket at its last day, and no bucket past "as of"', () => {
    const rows = adoptionSeries({
      apps: APPS,
      cycles: CYCLES,
      from: '2025-10-01',
      to: '2026-06-30',
      asOf: '2026-05-10',
      granularity: 'cycle',
    });
    expect(rows).toEqual([
      {
        label: 'Initial',
        start: '2025-10-01',
        date: '2025-12-31',
        selected: 1,
        helloWorld: 1,
        production: 1,
        newInProduction: 1,
        planned: 1,
        cycleId: 'c0',
      },
      {
        label: 'Cycle 1',
        start: '2026-01-01',
        date: '2026-03-31',
        selected: 3,
        helloWorld: 3,
        production: 2,
        newInProduction: 1,
        planned: 4,
        cycleId: 'c1',
      },
      {
        // The bucket that holds "as of" is read on that day; the plan halfway through cycle 2.
        label: 'Cycle 2',
        start: '2026-04-01',
        date: '2026-05-10',
        selected: 5,
        helloWorld: 4,
        production: 2,
        newInProduction: 0,
        planned: 6.6,
        cycleId: 'c2',
      },
    ]);
  });

  it('leaves buckets after "as of" without actuals but with the plan', () => {
    const rows = adoptionSeries({
      apps: APPS,
      cycles: CYCLES,
      from: '2026-01-01',
      to: '2026-06-30',
      asOf: '2026-02-15',
      granularity: 'quarter',
    });
    expect(rows.map((r) => [r.label, r.date, r.production, r.planned])).toEqual([
      ['Q1 2026', '2026-02-15', 1, 2.5],
      ['Q2 2026', '2026-06-30', null, 10],
    ]);
  });

  it('counts only a team’s apps when a team is chosen, without the program’s plan', () => {
    const rows = adoptionSeries({
      apps: APPS,
      cycles: CYCLES,
      from: '2025-10-01',
      to: '2026-06-30',
      asOf: '2026-06-30',
      granularity: 'quarter',
      teamId: 't1',
    });
    expect(rows.map((r) => [r.production, r.planned])).toEqual([
      [1, null],
      [1, null],
      [1, null],
    ]);
  });

  it('never decreases and keeps production ≤ hello world ≤ selected (property)', () => {
    const day0 = Date.UTC(2024, 0, 1) / 86_400_000;
    const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
    const arbApp = fc
      .record({
        s: fc.option(fc.integer({ min: 0, max: 900 })),
        h: fc.option(fc.integer({ min: 0, max: 200 })),
        p: fc.option(fc.integer({ min: 0, max: 200 })),
        stage: fc.constantFrom(
          'selected',
          'onboarding',
          'on-platform',
          'paused',
          'dropped',
          'candidate' as const,
        ),
      })
      .map(({ s, h, p, stage }) => {
        const selected = s === null ? null : day0 + s;
        const hello = h === null ? null : (selected ?? day0) + h;
        const prod = p === null || hello === null ? null : hello + p;
        return app({
          stage,
          selectedOn: selected === null ? null : iso(selected),
          firstDeployOn: hello === null ? null : iso(hello),
          productionOn: prod === null ? null : iso(prod),
        });
      });
    fc.assert(
      fc.property(
        fc.array(arbApp, { maxLength: 60 }),
        fc.constantFrom<Granularity>('week', 'month', 'quarter'),
        fc.integer({ min: 0, max: 1300 }),
        (apps, granularity, asOf) => {
          const rows = adoptionSeries({
            apps,
            cycles: [],
            from: iso(day0),
            to: iso(day0 + 1300),
            asOf: iso(day0 + asOf),
            granularity,
          });
          let last = { selected: 0, helloWorld: 0, production: 0 };
          let added = 0;
          for (const r of rows) {
            if (r.production === null) continue;
            expect(r.selected).toBeGreaterThanOrEqual(last.selected);
            expect(r.helloWorld).toBeGreaterThanOrEqual(last.helloWorld);
            expect(r.production).toBeGreaterThanOrEqual(last.production);
            expect(r.production).toBeLessThanOrEqual(r.helloWorld!);
            expect(r.helloWorld).toBeLessThanOrEqual(r.selected!);
            added += r.newInProduction!;
            expect(r.production).toBe(added);
            last = { selected: r.selected!, helloWorld: r.helloWorld!, production: r.production };
          }
        },
      ),
    );
  });
});

describe('the plan line', () => {
  it('runs from 0 at the first cycle’s start through the cumulative goals at each cycle’s last day', () => {
    const line = planLine(CYCLES);
    expect(line).toEqual([
      { date: '2025-10-01', planned: 0 },
      { date: '2025-12-31', planned: 1 },
      { date: '2026-03-31', planned: 4 },
      { date: '2026-06-30', planned: 10 },
    ]);
    expect(plannedAt(line, '2025-01-01')).toBe(0);
    expect(plannedAt(line, '2026-03-31')).toBe(4);
    // 46 of 90 days from the end of cycle 0 to the end of cycle 1 (goal 3).
    expect(plannedAt(line, '2026-02-15')).toBeCloseTo(1 + (3 * 46) / 90, 5);
    expect(plannedAt(line, '2027-07-02')).toBe(10);
    expect(plannedAt([], '2026-01-01')).toBeNull();
  });
});

describe('the headline and its reading', () => {
  const apps = [
    ...Array.from({ length: 7 }, () => app({ productionOn: '2026-03-01' })),
    app({ productionOn: '2026-06-01', teamId: 't1' }),
  ];

  it('counts apps on the platform as of a day with their share of the eligible population', () => {
    expect(adoptionHeadline(apps, CYCLES, 40, '2026-04-01')).toEqual({
      onPlatform: 7,
      rate: 7 / 40,
      planned: 4,
      versusPlan: 3,
    });
    expect(adoptionHeadline(apps, CYCLES, 40, '2026-06-30').onPlatform).toBe(8);
    expect(adoptionHeadline(apps, CYCLES, 40, '2026-06-30', 't1')).toMatchObject({
      onPlatform: 1,
      planned: null,
    });
  });

  it('says how far ahead of or behind plan adoption is', () => {
    expect(adoptionReading({ onPlatform: 42, rate: 0.1, planned: 36, versusPlan: 6 })).toBe(
      '42 apps on the platform, 6 ahead of plan',
    );
    expect(adoptionReading({ onPlatform: 1, rate: 0.1, planned: 3, versusPlan: -2 })).toBe(
      '1 app on the platform, 2 behind plan',
    );
    expect(adoptionReading({ onPlatform: 4, rate: 0.1, planned: 4, versusPlan: 0 })).toBe(
      '4 apps on the platform, on plan',
    );
    expect(adoptionReading({ onPlatform: 4, rate: 0.1, planned: null, versusPlan: null })).toBe(
      '4 apps on the platform, no plan for this date',
    );
    expect(adoptionReading({ onPlatform: 2, rate: 0.1, planned: null, versusPlan: null }, 'Payments')).toBe(
      '2 apps on the platform for Payments (the plan is set for the whole program)',
    );
  });
});

describe('median time to hello world as of a day', () => {
  it('takes only the first deploys known by then', () => {
    const apps = [
      app({ selectedOn: '2026-01-01', firstDeployOn: '2026-01-11' }),
      app({ selectedOn: '2026-01-01', firstDeployOn: '2026-01-21' }),
      app({ selectedOn: '2026-01-01', firstDeployOn: '2026-03-01' }),
      app({ stage: 'dropped', selectedOn: '2026-01-01', firstDeployOn: '2026-01-02' }),
    ];
    expect(medianTimeToHelloWorldAsOf(apps, '2026-02-01')).toEqual({ days: 15, apps: 2 });
    expect(medianTimeToHelloWorldAsOf(apps, '2026-03-01')).toEqual({ days: 20, apps: 3 });
    expect(medianTimeToHelloWorldAsOf(apps, '2026-01-05')).toEqual({ days: null, apps: 0 });
  });

  it('gathered once, answers every day as going through every app for each does', () => {
    const day0 = Date.UTC(2025, 0, 1) / 86_400_000;
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    const someDay = fc.integer({ min: day0, max: day0 + 700 }).map(iso);
    const anApp = fc.record({
      stage: fc.constantFrom('candidate', 'selected', 'onboarding', 'on-platform', 'dropped' as const),
      teamId: fc.constantFrom(null, 't1', 't2'),
      selectedOn: fc.option(someDay),
      firstDeployOn: fc.option(someDay),
    });
    fc.assert(
      fc.property(fc.array(anApp, { maxLength: 40 }), fc.array(someDay, { maxLength: 6 }), (raw, days) => {
        const apps = raw.map((a) => app(a as Partial<AdoptionApp>));
        for (const teamId of [null, 't1']) {
          const times = helloWorldTimes(apps, teamId);
          for (const asOf of days) {
            // The definition: the apps counted, of the team, first deployed by then, with a time.
            const known = apps
              .filter((a) => a.stage !== 'dropped' && a.stage !== 'candidate')
              .filter((a) => teamId === null || a.teamId === teamId)
              .filter((a) => a.firstDeployOn !== null && a.firstDeployOn <= asOf)
              .flatMap((a) => {
                const d = timeToHelloWorldDays(a);
                return d === null ? [] : [d];
              });
            expect(medianHelloWorldAsOf(times, asOf)).toEqual({ days: median(known), apps: known.length });
          }
        }
      }),
    );
  });

  it('gives, on each of several days in one pass, the median of each day on its own (property)', () => {
    const someDay = fc.integer({ min: 0, max: 400 }).map((n) => addDaysIso('2026-01-01', n));
    const aTime = fc.record({ on: someDay, days: fc.integer({ min: 0, max: 300 }) });
    fc.assert(
      fc.property(
        fc.array(aTime, { maxLength: 200 }),
        fc.array(someDay, { maxLength: 12 }),
        (raw, picked) => {
          const sorted = [...raw].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
          const times = { on: sorted.map((t) => t.on), days: sorted.map((t) => t.days) };
          const days = [...picked].sort();
          expect(medianHelloWorldOnEach(times, days)).toEqual(
            days.map((d) => medianHelloWorldAsOf(times, d).days),
          );
        },
      ),
      { numRuns: 500 },
    );
    expect(medianHelloWorldOnEach({ on: [], days: [] }, ['2026-01-01'])).toEqual([null]);
  });
});

describe('cycle bands', () => {
  it('clips each cycle overlapping the range to it, ending on the cycle’s last day', () => {
    expect(cycleBands(CYCLES, '2025-12-01', '2026-05-01')).toEqual([
      { cycleId: 'c0', label: 'Initial', phase: 'initial', start: '2025-12-01', end: '2025-12-31' },
      { cycleId: 'c1', label: 'Cycle 1', phase: 'scaling', start: '2026-01-01', end: '2026-03-31' },
      { cycleId: 'c2', label: 'Cycle 2', phase: 'scaling', start: '2026-04-01', end: '2026-05-01' },
    ]);
  });
});

describe('downsampling', () => {
  it('keeps a short series as it is', () => {
    expect(downsample([1, 2, 3], 600)).toEqual([1, 2, 3]);
  });

  it('keeps at most the limit, the first and the last point, in order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 2, max: 700 }), (n, max) => {
        const series = Array.from({ length: n }, (_, i) => i);
        const out = downsample(series, max);
        expect(out.length).toBe(Math.min(n, max));
        if (n > 0) {
          expect(out[0]).toBe(0);
          expect(out.at(-1)).toBe(n - 1);
        }
        for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThan(out[i - 1]!);
      }),
    );
  });

  it('thins ten years of days to 600 points by default', () => {
    const days = Array.from({ length: 3653 }, (_, i) => addDaysIso('2016-01-01', i));
    expect(downsample(days)).toHaveLength(600);
  });
});
