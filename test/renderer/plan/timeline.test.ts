/** The timeline's geometry (bars along a quarter-aligned date axis, lanes, bands, today) and its words. */
import { describe, expect, it } from 'vitest';
import type { CycleStatus } from '../../../shared/domain';
import {
  barFraction,
  barSummary,
  describeActual,
  layoutTimeline,
  todayNote,
} from '../../../renderer/features/plan/timeline';

const cycles = [
  { index: 0, startDate: '2026-01-31', endDate: '2026-04-30' },
  { index: 1, startDate: '2026-04-30', endDate: '2026-07-30' },
  { index: 2, startDate: '2026-07-30', endDate: '2026-10-30' },
];

describe('the timeline layout', () => {
  it('spans whole quarters from the first start to the last end', () => {
    const layout = layoutTimeline(cycles, '2026-05-10');
    expect(layout.from).toBe('2026-01-01');
    expect(layout.to).toBe('2027-01-01');
    expect(layout.quarters.map((q) => q.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(layout.years).toEqual([{ key: '2026', label: '2026', left: 0, width: 100 }]);
  });

  it('places bars in date order, touching at the hand-over day, on one lane', () => {
    const layout = layoutTimeline(cycles, '2026-05-10');
    expect(layout.lanes).toBe(1);
    const [a, b, c] = layout.bars;
    expect(a!.left).toBeCloseTo((30 / 365) * 100, 5);
    expect(a!.left + a!.width).toBeCloseTo(b!.left, 5);
    expect(b!.left + b!.width).toBeCloseTo(c!.left, 5);
    expect(c!.left + c!.width).toBeLessThanOrEqual(100);
  });

  it('stacks overlapping cycles on a second lane instead of hiding one', () => {
    const layout = layoutTimeline(
      [...cycles.slice(0, 2), { index: 2, startDate: '2026-06-01', endDate: '2026-09-01' }],
      '2026-05-10',
    );
    expect(layout.bars.map((b) => b.lane)).toEqual([0, 0, 1]);
    expect(layout.lanes).toBe(2);
  });

  it('marks today inside the axis', () => {
    const layout = layoutTimeline(cycles, '2026-07-02');
    expect('left' in layout.today && layout.today.left).toBeCloseTo((182 / 365) * 100, 5);
  });

  it('stretches the axis to a nearby today, and notes a distant one at the edge', () => {
    const near = layoutTimeline(cycles, '2027-03-01');
    expect(near.to).toBe('2027-04-01');
    expect('left' in near.today).toBe(true);
    const far = layoutTimeline(cycles, '2031-03-01');
    expect(far.to).toBe('2027-01-01');
    expect(far.today).toEqual({ day: '2031-03-01', beyond: 'after' });
    expect(layoutTimeline(cycles, '2020-01-01').today).toEqual({ day: '2020-01-01', beyond: 'before' });
  });

  it('labels years across several and stops naming quarters when there are too many', () => {
    const long = Array.from({ length: 40 }, (_, i) => ({
      index: i,
      startDate: `${2020 + Math.floor(i / 4)}-${String((i % 4) * 3 + 1).padStart(2, '0')}-01`,
      endDate: `${2020 + Math.floor((i + 1) / 4)}-${String(((i + 1) % 4) * 3 + 1).padStart(2, '0')}-01`,
    }));
    const layout = layoutTimeline(long, '2025-01-01');
    expect(layout.years.map((y) => y.label)).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
      '2027',
      '2028',
      '2029',
    ]);
    expect(layout.years.reduce((sum, y) => sum + y.width, 0)).toBeCloseTo(100, 5);
    expect(layout.quarterLabels).toBe(false);
    expect(layoutTimeline(cycles, '2026-05-10').quarterLabels).toBe(true);
  });

  it('lays out an empty plan around today', () => {
    const layout = layoutTimeline([], '2026-05-10');
    expect(layout.bars).toEqual([]);
    expect(layout.from).toBe('2026-04-01');
    expect(layout.to).toBe('2026-07-01');
  });
});

describe('what a bar says of its cycle', () => {
  const four = { selected: 4, onPlatform: 3, unfinished: 1 };

  it('sets the apps on the platform against the goal once the cycle has started', () => {
    expect(barSummary({ status: 'closed', goalApps: 1 }, four)).toBe('3 on platform · goal 1');
    expect(barSummary({ status: 'active', goalApps: 3 }, undefined)).toBe('0 on platform · goal 3');
    expect(barFraction({ status: 'closed', goalApps: 1 }, four)).toBe('3/1');
  });

  it('shows a planned cycle’s goal, and the apps already selected into it', () => {
    expect(barSummary({ status: 'planned', goalApps: 3 }, undefined)).toBe('goal 3');
    expect(
      barSummary({ status: 'planned', goalApps: 3 }, { selected: 2, onPlatform: 0, unfinished: 2 }),
    ).toBe('2 selected · goal 3');
    expect(barFraction({ status: 'planned', goalApps: 3 }, undefined)).toBe('');
  });

  it('describes the actual apps in a sentence', () => {
    expect(describeActual({ status: 'closed', goalApps: 1 }, four)).toBe(
      '4 apps selected, 3 on the platform, 1 still on the way, goal met',
    );
    expect(describeActual({ status: 'active', goalApps: 5 }, four)).toBe(
      '4 apps selected, 3 on the platform, 1 still on the way, 2 short of the goal',
    );
    expect(describeActual({ status: 'planned', goalApps: 3 }, undefined)).toBe('no app selected yet');
  });
});

describe('the reading of today', () => {
  const named = (status: CycleStatus[]) =>
    cycles.map((c, i) => ({ ...c, name: '', status: status[i] ?? 'planned' }));
  const inside = (today: string, list: ReturnType<typeof named>) =>
    todayNote(list, today, layoutTimeline(list, today).today);

  it('names the active cycle today falls in', () => {
    expect(inside('2026-05-10', named(['closed', 'active', 'planned']))).toBe(
      'Today, 10 May 2026, falls in Scaling cycle 1, the active cycle.',
    );
  });

  it('says a cycle closed before its planned end is closed, and which one is active', () => {
    expect(inside('2026-03-15', named(['closed', 'active', 'planned']))).toBe(
      'Today, 15 Mar 2026, falls within the planned dates of Initial phase, which is closed; Scaling cycle 1 is the active cycle.',
    );
  });

  it('says a planned cycle has not started, and when none is active', () => {
    expect(inside('2026-05-10', named(['closed', 'planned', 'planned']))).toBe(
      'Today, 10 May 2026, falls within the planned dates of Scaling cycle 1, which has not started; no cycle is active.',
    );
  });

  it('says when today falls in no cycle or beyond them', () => {
    const gap = [
      { index: 0, name: '', status: 'closed' as const, startDate: '2026-01-31', endDate: '2026-04-30' },
      { index: 1, name: '', status: 'planned' as const, startDate: '2026-06-01', endDate: '2026-09-01' },
    ];
    expect(todayNote(gap, '2026-05-10', layoutTimeline(gap, '2026-05-10').today)).toBe(
      'Today, 10 May 2026, falls in no cycle; no cycle is active.',
    );
    const list = named(['closed', 'closed', 'active']);
    expect(todayNote(list, '2031-03-01', layoutTimeline(list, '2031-03-01').today)).toBe(
      'Today, 1 Mar 2031, is after the last cycle; Scaling cycle 2 is the active cycle.',
    );
  });
});
