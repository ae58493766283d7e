/**
 * The Blockers and Pairing tiles and charts on the overview: the days a series counts on for a
 * scope (cut at "as of", at most 600), open blockers per category at those days as known then,
 * and pairing hours per cycle up to a day, for one team or all.
 */
import { describe, expect, it } from 'vitest';
import { bucketsBetween } from '../../shared/domain/adoption';
import { hoursPerCycle, openBlockersAtPoints, pointsAsOf } from '../../shared/domain/area-overview';
import type { BlockerCategory, BlockerStatusChange } from '../../shared/domain';

const blocker = (category: BlockerCategory, statusHistory: BlockerStatusChange[]) => ({
  category,
  statusHistory,
});

describe('the days an overview series counts on', () => {
  it("takes each bucket's last day, cuts the running one at “as of” and leaves out those not started", () => {
    const buckets = bucketsBetween('2026-10-01', '2027-01-31', 'month');
    const points = pointsAsOf(buckets, '2026-12-03');
    expect(points.map((p) => p.on)).toEqual(['2026-10-31', '2026-11-30', '2026-12-03']);
    expect(points.map((p) => p.bucket.label)).toEqual(['Oct 2026', 'Nov 2026', 'Dec 2026']);
  });

  it('counts a cycle on its last day, the day before its hand-over', () => {
    const cycles = [
      { id: 'a', index: 1, startDate: '2026-01-31', endDate: '2026-04-30' },
      { id: 'b', index: 2, startDate: '2026-04-30', endDate: '2026-07-30' },
    ];
    const points = pointsAsOf(bucketsBetween('2026-01-31', '2026-07-29', 'cycle', cycles), '2026-12-01');
    expect(points.map((p) => [p.bucket.cycleId, p.on])).toEqual([
      ['a', '2026-04-29'],
      ['b', '2026-07-29'],
    ]);
  });

  it('keeps at most 600 points, the first and the last among them', () => {
    const buckets = bucketsBetween('2000-01-03', '2026-12-03', 'week');
    expect(buckets.length).toBeGreaterThan(1000);
    const points = pointsAsOf(buckets, '2026-12-03');
    expect(points).toHaveLength(600);
    expect(points[0]!.on).toBe('2000-01-09');
    expect(points.at(-1)!.on).toBe('2026-12-03');
  });
});

describe('open blockers per category at the points', () => {
  it('counts each blocker where it was unresolved, and nothing after "as of"', () => {
    const points = pointsAsOf(bucketsBetween('2026-10-01', '2026-12-31', 'month'), '2026-12-03');
    const series = openBlockersAtPoints(
      [
        // Opened before the range: counted from its first point.
        blocker('people-culture', [{ status: 'open', on: '2026-06-01' }]),
        // Resolved in November.
        blocker('technical-execution', [
          { status: 'open', on: '2026-10-10' },
          { status: 'mitigating', on: '2026-10-20' },
          { status: 'resolved', on: '2026-11-15' },
        ]),
        // Resolved after "as of": still open on it.
        blocker('plans-alignment', [
          { status: 'open', on: '2026-11-20' },
          { status: 'resolved', on: '2026-12-10' },
        ]),
      ],
      points,
    );
    expect(
      series.map((p) => [
        p.on,
        p.counts['people-culture'],
        p.counts['plans-alignment'],
        p.counts['technical-execution'],
        p.total,
      ]),
    ).toEqual([
      ['2026-10-31', 1, 0, 1, 2],
      ['2026-11-30', 1, 1, 0, 2],
      ['2026-12-03', 1, 1, 0, 2],
    ]);
    expect(series[2]!.bucket.label).toBe('Dec 2026');
  });
});

describe('pairing hours per cycle', () => {
  const session = (
    cycleId: string | null,
    date: string,
    durationMinutes: number,
    teamId: string | null = null,
  ) => ({
    cycleId,
    date,
    durationMinutes,
    teamId,
  });
  const sessions = [
    session('a', '2026-02-01', 60, 't1'),
    session('a', '2026-03-01', 90, 't2'),
    session('b', '2026-05-02', 30, 't1'),
    session('b', '2026-06-01', 45, 't1'),
    session(null, '2026-05-03', 120, 't1'),
    session('z', '2026-05-03', 120, 't1'),
  ];

  it("adds up each cycle's sessions in the order asked, with 0 for a cycle without any", () => {
    expect(hoursPerCycle(sessions, ['a', 'b', 'c'], '2026-12-31')).toEqual([
      { cycleId: 'a', sessions: 2, minutes: 150 },
      { cycleId: 'b', sessions: 2, minutes: 75 },
      { cycleId: 'c', sessions: 0, minutes: 0 },
    ]);
  });

  it("counts only sessions up to 'as of', and only the team's when one is chosen", () => {
    expect(hoursPerCycle(sessions, ['a', 'b'], '2026-05-31', 't1')).toEqual([
      { cycleId: 'a', sessions: 1, minutes: 60 },
      { cycleId: 'b', sessions: 1, minutes: 30 },
    ]);
  });
});
