/** The timeline's geometry: bars along a quarter-aligned date axis, lanes, bands and today. */
import { describe, expect, it } from 'vitest';
import { layoutTimeline } from '../../../renderer/features/plan/timeline';

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
