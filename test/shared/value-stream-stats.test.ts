import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changePercent,
  compareValueStreams,
  latestImprovements,
  mapVersions,
  valueStreamStats,
} from '../../shared/domain/value-stream-stats';
import { valueStreamMapInputSchema } from '../../shared/domain/value-stream';

const step = (name: string, processMinutes: number, waitMinutes: number, pctCompleteAccurate: number) => ({
  name,
  processMinutes,
  waitMinutes,
  pctCompleteAccurate,
});

const BEFORE = [
  step('Story', 60, 0, 80),
  step('Build', 240, 480, 90),
  step('Security review', 120, 4320, 50),
  step('Deploy', 30, 1440, 100),
];

describe('valueStreamStats', () => {
  it('adds process and wait into the lead time and divides for the activity ratio', () => {
    const stats = valueStreamStats(BEFORE);
    // process 60+240+120+30 = 450; wait 0+480+4320+1440 = 6240; lead 6690
    expect(stats.processMinutes).toBe(450);
    expect(stats.waitMinutes).toBe(6240);
    expect(stats.leadMinutes).toBe(6690);
    expect(stats.activityRatio).toBeCloseTo(450 / 6690, 12);
  });

  it('multiplies the steps’ % complete & accurate', () => {
    // 0.8 × 0.9 × 0.5 × 1 = 0.36
    expect(valueStreamStats(BEFORE).rolledPctCompleteAccurate).toBeCloseTo(36, 10);
  });

  it('names the step that waits longest, the first of equals', () => {
    expect(valueStreamStats(BEFORE).longestWait).toEqual({
      index: 2,
      name: 'Security review',
      waitMinutes: 4320,
    });
    expect(valueStreamStats([step('A', 1, 5, 100), step('B', 1, 5, 100)]).longestWait?.name).toBe('A');
  });

  it('handles one step', () => {
    const stats = valueStreamStats([step('Only', 30, 90, 75)]);
    expect(stats).toEqual({
      leadMinutes: 120,
      processMinutes: 30,
      waitMinutes: 90,
      activityRatio: 0.25,
      rolledPctCompleteAccurate: 75,
      longestWait: { index: 0, name: 'Only', waitMinutes: 90 },
    });
  });

  it('leaves the activity ratio undefined when the lead time is zero, and names no wait when none waits', () => {
    const stats = valueStreamStats([step('Instant', 0, 0, 100), step('Also', 0, 0, 40)]);
    expect(stats.leadMinutes).toBe(0);
    expect(stats.activityRatio).toBeUndefined();
    expect(stats.longestWait).toBeUndefined();
    expect(stats.rolledPctCompleteAccurate).toBe(40);
  });

  it('gives a ratio of 1 when nothing waits', () => {
    expect(valueStreamStats([step('A', 10, 0, 100)]).activityRatio).toBe(1);
  });

  it('is never asked about an empty map: the schema refuses a map without steps', () => {
    const parsed = valueStreamMapInputSchema.safeParse({
      appId: '0b5c1e9a-3a52-4b7a-9a53-2f1c8c1e4d10',
      label: 'Before onboarding',
      date: '2026-03-02',
      steps: [],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('A value stream needs at least one step');
  });

  it('the schema refuses negative times and % C&A outside 0–100, naming the field', () => {
    const messages = (s: ReturnType<typeof step>) => {
      const parsed = valueStreamMapInputSchema.safeParse({
        appId: '0b5c1e9a-3a52-4b7a-9a53-2f1c8c1e4d10',
        label: 'After',
        date: '2026-03-02',
        steps: [s],
      });
      return parsed.error?.issues.map((i) => i.message) ?? [];
    };
    expect(messages(step('A', -1, 0, 50))).toEqual(['Process time cannot be negative']);
    expect(messages(step('A', 1, -5, 50))).toEqual(['Wait time cannot be negative']);
    expect(messages(step('A', 1, 0, 101))).toEqual(['% complete & accurate must be at most 100']);
    expect(messages(step('A', 1, 0, -1))).toEqual(['% complete & accurate cannot be negative']);
  });
});

const stepArb = fc.record({
  name: fc.constantFrom('Story', 'Build', 'Review', 'Deploy'),
  processMinutes: fc.double({ min: 0, max: 1e7, noNaN: true }),
  waitMinutes: fc.double({ min: 0, max: 1e7, noNaN: true }),
  pctCompleteAccurate: fc.double({ min: 0, max: 100, noNaN: true }),
});

describe('valueStreamStats properties', () => {
  it('keeps the activity ratio within 0–1 whenever it is defined', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), (steps) => {
        const { activityRatio, leadMinutes } = valueStreamStats(steps);
        if (leadMinutes === 0) return activityRatio === undefined;
        return activityRatio !== undefined && activityRatio >= 0 && activityRatio <= 1;
      }),
    );
  });

  it('never rolls % C&A above the lowest step’s', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), (steps) => {
        const lowest = Math.min(...steps.map((s) => s.pctCompleteAccurate));
        const rolled = valueStreamStats(steps).rolledPctCompleteAccurate;
        return rolled >= 0 && rolled <= lowest + 1e-9;
      }),
    );
  });

  it('keeps lead = process + wait', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), (steps) => {
        const s = valueStreamStats(steps);
        return s.leadMinutes === s.processMinutes + s.waitMinutes;
      }),
    );
  });
});

describe('changePercent', () => {
  it('gives the change in percent of the first value', () => {
    expect(changePercent(200, 50)).toBe(-75);
    expect(changePercent(50, 100)).toBe(100);
    expect(changePercent(10, 10)).toBe(0);
  });
  it('is undefined without a base', () => {
    expect(changePercent(0, 10)).toBeUndefined();
    expect(changePercent(undefined, 10)).toBeUndefined();
    expect(changePercent(10, undefined)).toBeUndefined();
  });
});

describe('compareValueStreams', () => {
  const AFTER = [
    step('story', 60, 0, 90),
    step('Build', 120, 60, 95),
    step('Deploy', 10, 0, 100),
    step('Smoke test', 5, 0, 100),
  ];

  it('compares each figure in percent', () => {
    const c = compareValueStreams(BEFORE, AFTER);
    // lead 6690 → 255: (255 − 6690) / 6690
    expect(c.lead).toEqual({ before: 6690, after: 255, changePct: ((255 - 6690) / 6690) * 100 });
    expect(c.process.changePct).toBeCloseTo(((195 - 450) / 450) * 100, 10);
    expect(c.wait.changePct).toBeCloseTo(((60 - 6240) / 6240) * 100, 10);
    // rolled 36 → 0.9 × 0.95 = 85.5
    expect(c.rolledPctCompleteAccurate.after).toBeCloseTo(85.5, 10);
    expect(c.rolledPctCompleteAccurate.changePct).toBeCloseTo(137.5, 10);
  });

  it('matches steps by name, ignoring case, and lists added then dropped steps', () => {
    const c = compareValueStreams(BEFORE, AFTER);
    expect(c.steps.map((s) => [s.name, !!s.before, !!s.after])).toEqual([
      ['story', true, true],
      ['Build', true, true],
      ['Deploy', true, true],
      ['Smoke test', false, true],
      ['Security review', true, false],
    ]);
    const build = c.steps[1]!;
    // Build: 720 → 180 lead, −75 %
    expect(build.lead).toEqual({ before: 720, after: 180, changePct: -75 });
    expect(c.steps[3]?.lead.changePct).toBeUndefined();
  });

  it('matches repeated names in order', () => {
    const c = compareValueStreams(
      [step('Review', 10, 0, 100), step('Review', 20, 0, 100)],
      [step('Review', 5, 0, 100), step('Review', 10, 0, 100)],
    );
    expect(c.steps.map((s) => s.process.changePct)).toEqual([-50, -50]);
  });

  it('shows an undefined change where the earlier version had a zero base', () => {
    const c = compareValueStreams([step('A', 0, 0, 100)], [step('A', 10, 0, 100)]);
    expect(c.lead.changePct).toBeUndefined();
    expect(c.activityRatio).toEqual({ before: undefined, after: 1, changePct: undefined });
  });
});

const map = (
  id: string,
  appId: string,
  date: string,
  steps: ReturnType<typeof step>[],
  createdAt = `${date}T09:00:00.000Z`,
) => ({
  id,
  appId,
  label: id,
  date,
  createdAt,
  steps,
});

describe('mapVersions and latestImprovements', () => {
  const maps = [
    map('a-after', 'a', '2026-05-01', [step('X', 10, 10, 100)]),
    map('a-before', 'a', '2026-01-01', [step('X', 10, 90, 100)]),
    map('b-1', 'b', '2026-01-01', [step('X', 10, 10, 100)]),
    map('b-2', 'b', '2026-02-01', [step('X', 10, 30, 100)]),
    map('c-only', 'c', '2026-01-01', [step('X', 10, 10, 100)]),
    map('a-cycle', 'a', '2026-05-01', [step('X', 5, 5, 100)], '2026-05-01T10:00:00.000Z'),
  ];

  it('orders an app’s versions by date, then by when they were recorded', () => {
    expect(mapVersions(maps.filter((m) => m.appId === 'a')).map((m) => m.id)).toEqual([
      'a-before',
      'a-after',
      'a-cycle',
    ]);
  });

  it('compares each app’s latest map with the one before, largest cut first, leaving out apps with one map', () => {
    const rows = latestImprovements(maps);
    expect(rows.map((r) => [r.appId, r.previous.id, r.latest.id, r.versions])).toEqual([
      ['a', 'a-after', 'a-cycle', 3],
      ['b', 'b-1', 'b-2', 2],
    ]);
    expect(rows[0]?.lead.changePct).toBe(-50);
    expect(rows[1]?.lead.changePct).toBe(100);
  });

  it('lists nothing for no maps', () => {
    expect(latestImprovements([])).toEqual([]);
  });
});
