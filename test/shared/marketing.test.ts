import { describe, expect, it } from 'vitest';
import {
  activityCycleId,
  filterActivities,
  marketingActivityInputSchema,
  marketingByCycle,
  marketingReading,
  NO_ACTIVITY_FILTER,
  type MarketingActivity,
} from '../../shared/domain';

const cycles = [
  { id: 'c1', index: 1, name: '', startDate: '2025-10-01', endDate: '2026-01-01', status: 'closed' as const },
  { id: 'c0', index: 0, name: '', startDate: '2025-07-01', endDate: '2025-10-01', status: 'closed' as const },
  { id: 'c2', index: 2, name: '', startDate: '2026-01-01', endDate: '2026-04-01', status: 'closed' as const },
];
type A = Pick<MarketingActivity, 'date' | 'kind' | 'reach' | 'title' | 'notes'>;
const a = (date: string, kind: A['kind'], reach: number, title = `${kind} ${date}`, notes = ''): A => ({
  date,
  kind,
  reach,
  title,
  notes,
});
const label = (i: number) => `Cycle ${i}`;

describe('an activity as entered', () => {
  it('needs a date, a known kind and a title; reach is a whole number, not negative', () => {
    const problems = (input: object) =>
      marketingActivityInputSchema
        .safeParse({ date: '2026-01-05', kind: 'newsletter', title: 'News', reach: 10, ...input })
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({})).toBeUndefined();
    expect(problems({ title: '  ' })).toEqual(['title: Title is required']);
    expect(problems({ reach: -1 })).toEqual(['reach: Reach cannot be negative']);
    expect(problems({ reach: 1.5 })).toEqual(['reach: Reach must be a whole number']);
    expect(problems({ kind: 'webinar' })).toEqual(['kind: Unknown kind of activity']);
    expect(problems({ date: '2026-02-30' })?.[0]).toMatch(/^date: /);
  });
});

describe('the cycle of an activity', () => {
  it('is the cycle whose dates hold it: a hand-over day belongs to the next cycle; before the program, none', () => {
    expect(activityCycleId({ date: '2025-12-31' }, cycles)).toBe('c1');
    expect(activityCycleId({ date: '2026-01-01' }, cycles)).toBe('c2');
    expect(activityCycleId({ date: '2025-06-30' }, cycles)).toBeNull();
  });
});

describe('marketing per cycle', () => {
  const activities = [
    a('2025-07-10', 'other', 40),
    a('2025-10-15', 'newsletter', 100),
    a('2025-12-31', 'demo-day', 60),
    a('2026-02-01', 'newsletter', 150),
    a('2025-01-01', 'training', 999),
  ];
  const onPlatform = new Map([
    ['c1', 2],
    ['c2', 3],
  ]);

  it('counts activities and reach per cycle, in time order, beside the apps onboarded in the next cycle', () => {
    const rows = marketingByCycle(activities, cycles, onPlatform);
    expect(rows.map((r) => [r.cycleId, r.activities, r.reach, r.nextCycleId, r.nextOnPlatform])).toEqual([
      ['c0', 1, 40, 'c1', 2],
      ['c1', 2, 160, 'c2', 3],
      ['c2', 1, 150, null, null],
    ]);
    expect(rows.some((r) => r.nextUnderWay)).toBe(false);
    expect(rows[1]!.byKind).toMatchObject({ newsletter: 1, 'demo-day': 1, training: 0 });
  });

  it('leaves out cycles not started; the next cycle under way counts so far, one not started counts nothing', () => {
    const plan = [
      { ...cycles[1]!, status: 'closed' as const },
      { ...cycles[0]!, status: 'active' as const },
      { ...cycles[2]!, status: 'planned' as const },
    ];
    const rows = marketingByCycle(activities, plan, onPlatform);
    expect(rows.map((r) => [r.cycleId, r.nextOnPlatform, r.nextUnderWay])).toEqual([
      ['c0', 2, true],
      ['c1', null, false],
    ]);
    expect(marketingReading(rows, label)).toBe(
      'Reach went from 40 in Cycle 0 to 160 in Cycle 1, over 3 activities.',
    );
  });

  it('keeps cycles without activity at zero and leaves out activities before the first cycle', () => {
    const rows = marketingByCycle([a('2026-02-01', 'newsletter', 10)], cycles, new Map());
    expect(rows.map((r) => r.activities)).toEqual([0, 0, 1]);
    expect(rows[0]!.nextOnPlatform).toBe(0);
    expect(marketingByCycle([], [], new Map())).toEqual([]);
  });

  it('reads how reach moved and the apps onboarded in the cycles that followed', () => {
    const rows = marketingByCycle(activities, cycles, onPlatform);
    expect(marketingReading(rows, label)).toBe(
      'Reach went from 40 in Cycle 0 to 150 in Cycle 2, over 4 activities; 5 apps reached the platform in the closed cycles that followed.',
    );
    const one = marketingByCycle([a('2026-02-01', 'newsletter', 1500)], cycles, onPlatform);
    expect(marketingReading(one, label)).toBe('1,500 people reached by 1 activity in Cycle 2.');
    expect(marketingReading(marketingByCycle([], cycles, onPlatform), label)).toBe(
      'No marketing activity falls in a cycle yet.',
    );
  });
});

describe('filtering the activities', () => {
  const activities = [
    a('2025-10-15', 'newsletter', 100, 'Nimbus News #1', 'Blueprint for Java'),
    a('2026-02-01', 'newsletter', 150, 'Nimbus News #2'),
    a('2026-02-01', 'demo-day', 60, 'Demo day: cycle 2'),
    a('2025-01-01', 'training', 10, 'Kick-off training'),
  ];
  const titles = (filter: Partial<typeof NO_ACTIVITY_FILTER>) =>
    filterActivities(activities, { ...NO_ACTIVITY_FILTER, ...filter }, cycles).map((x) => x.title);

  it('lists newest first, then by title', () => {
    expect(titles({})).toEqual([
      'Demo day: cycle 2',
      'Nimbus News #2',
      'Nimbus News #1',
      'Kick-off training',
    ]);
  });
  it('by kind, by cycle (or outside every cycle) and by words of the title or notes', () => {
    expect(titles({ kind: 'newsletter' })).toEqual(['Nimbus News #2', 'Nimbus News #1']);
    expect(titles({ cycleId: 'c2' })).toEqual(['Demo day: cycle 2', 'Nimbus News #2']);
    expect(titles({ cycleId: 'none' })).toEqual(['Kick-off training']);
    expect(titles({ text: 'java NEWS' })).toEqual(['Nimbus News #1']);
    expect(titles({ text: 'nothing like it' })).toEqual([]);
  });
});
