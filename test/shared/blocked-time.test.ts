/**
 * How long an app was blocked in the pipeline: its blockers' unresolved periods, merged where
 * they overlap, clipped to its time in the pipeline; against counting day by day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockerStatus, BlockerStatusChange } from '../../shared/domain';
import {
  blockedDays,
  pipelineRange,
  pipelineTime,
  unresolvedPeriods,
} from '../../shared/domain/blocked-time';
import { isOpenOn } from '../../shared/domain/blocker-stats';
import { isoOfDay } from '../../shared/domain/dates';
import { isoDayNumber } from '../../shared/domain/pipeline';

type Change = [BlockerStatus, string, string?];
const b = (...changes: Change[]) => ({
  statusHistory: changes.map(([status, on, note]) => (note ? { status, on, note } : { status, on })),
});
const day = (iso: string) => isoDayNumber(iso)!;

describe('unresolved periods', () => {
  it('runs from opening to resolution; mitigating stays unresolved; a reopening starts a new one', () => {
    expect(
      unresolvedPeriods(
        b(
          ['open', '2026-01-05'],
          ['mitigating', '2026-01-07'],
          ['resolved', '2026-01-19'],
          ['open', '2026-02-01', 'back'],
        ).statusHistory,
      ),
    ).toEqual([
      [day('2026-01-05'), day('2026-01-19')],
      [day('2026-02-01'), Number.POSITIVE_INFINITY],
    ]);
  });

  it('leaves out a blocker resolved on the day it was opened', () => {
    expect(unresolvedPeriods(b(['open', '2026-03-03'], ['resolved', '2026-03-03']).statusHistory)).toEqual(
      [],
    );
  });
});

describe('blocked days', () => {
  const range = { from: '2026-01-01', to: '2026-03-01' };

  it('is 0 without blockers, and for an empty or reversed range', () => {
    expect(blockedDays([], range)).toBe(0);
    expect(blockedDays([b(['open', '2025-12-01'])], { from: '2026-01-01', to: '2026-01-01' })).toBe(0);
    expect(blockedDays([b(['open', '2025-12-01'])], { from: '2026-02-01', to: '2026-01-01' })).toBe(0);
  });

  it('counts two overlapping blockers once', () => {
    // 10 Jan–20 Jan and 15 Jan–25 Jan: blocked 10 Jan–25 Jan, 15 days.
    const one = b(['open', '2026-01-10'], ['resolved', '2026-01-20']);
    const two = b(['open', '2026-01-15'], ['mitigating', '2026-01-16'], ['resolved', '2026-01-25']);
    expect(blockedDays([one, two], range)).toBe(15);
    expect(blockedDays([two, one], range)).toBe(15);
  });

  it('adds up periods apart, and merges periods that touch', () => {
    const a = b(['open', '2026-01-01'], ['resolved', '2026-01-04']);
    const c = b(['open', '2026-01-04'], ['resolved', '2026-01-06']);
    const d = b(['open', '2026-02-10'], ['resolved', '2026-02-11']);
    expect(blockedDays([a, c, d], range)).toBe(3 + 2 + 1);
  });

  it('clips to the range: before selection and after production do not count', () => {
    const long = b(['open', '2025-11-20'], ['resolved', '2026-04-30']);
    expect(blockedDays([long], range)).toBe(day('2026-03-01') - day('2026-01-01'));
    const before = b(['open', '2025-11-20'], ['resolved', '2026-01-01']);
    expect(blockedDays([before], range)).toBe(0);
  });

  it('counts a blocker still open up to the end of the range, across a year end', () => {
    expect(blockedDays([b(['open', '2026-12-20'])], { from: '2026-12-01', to: '2027-01-10' })).toBe(21);
  });

  it('does not count the days a reopened blocker sat resolved', () => {
    const reopened = b(
      ['open', '2026-01-01'],
      ['resolved', '2026-01-11'],
      ['open', '2026-01-21', 'came back'],
      ['resolved', '2026-01-31'],
    );
    expect(blockedDays([reopened], range)).toBe(20);
  });
});

describe('time in the pipeline', () => {
  const app = { stage: 'onboarding' as const, selectedOn: '2026-01-01', productionOn: null };

  it('runs from selection to today while on the way, and to production once there', () => {
    expect(pipelineRange(app, '2026-02-01')).toEqual({ from: '2026-01-01', to: '2026-02-01', ongoing: true });
    expect(pipelineRange({ ...app, stage: 'on-platform', productionOn: '2026-03-01' }, '2026-06-01')).toEqual(
      {
        from: '2026-01-01',
        to: '2026-03-01',
        ongoing: false,
      },
    );
  });

  it('has none for a candidate, an app without a selection date, or one dropped before production', () => {
    expect(pipelineRange({ ...app, stage: 'candidate' }, '2026-02-01')).toBeNull();
    expect(pipelineRange({ ...app, selectedOn: null }, '2026-02-01')).toBeNull();
    expect(pipelineRange({ ...app, stage: 'dropped' }, '2026-02-01')).toBeNull();
    expect(pipelineRange(app, '2025-12-01')).toBeNull();
  });

  it('gives the days and the blocked days of an app', () => {
    const blockers = [b(['open', '2025-12-20'], ['resolved', '2026-01-08']), b(['open', '2026-01-25'])];
    expect(pipelineTime(app, blockers, '2026-02-01')).toEqual({
      days: 31,
      blockedDays: 7 + 7,
      ongoing: true,
    });
  });
});

// Random histories, as the Blockers views' property tests make them: open first, changes after.
const historyArb = fc
  .record({
    start: fc.integer({ min: day('2025-10-01'), max: day('2027-03-01') }),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 60 }),
        status: fc.constantFrom<BlockerStatus>('open', 'mitigating', 'resolved'),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ start, steps }) => {
    const history: BlockerStatusChange[] = [{ status: 'open', on: isoOfDay(start) }];
    let at = start;
    for (const step of steps) {
      if (step.status === history.at(-1)!.status) continue;
      at += step.gap;
      history.push({ status: step.status, on: isoOfDay(at) });
    }
    return { statusHistory: history };
  });
const rangeArb = fc
  .record({
    from: fc.integer({ min: day('2025-09-01'), max: day('2027-06-01') }),
    span: fc.integer({ min: 0, max: 500 }),
  })
  .map(({ from, span }) => ({ from: isoOfDay(from), to: isoOfDay(from + span) }));

describe('properties', () => {
  it('equals counting the days at whose end at least one blocker was unresolved', () => {
    fc.assert(
      fc.property(fc.array(historyArb, { maxLength: 8 }), rangeArb, (blockers, range) => {
        let counted = 0;
        for (let d = day(range.from); d < day(range.to); d++) {
          if (blockers.some((x) => isOpenOn(x, isoOfDay(d)))) counted++;
        }
        expect(blockedDays(blockers, range)).toBe(counted);
      }),
    );
  });

  it('never exceeds the range, never falls below any one blocker, and ignores their order', () => {
    fc.assert(
      fc.property(fc.array(historyArb, { maxLength: 8 }), rangeArb, (blockers, range) => {
        const total = blockedDays(blockers, range);
        expect(total).toBeLessThanOrEqual(Math.max(0, day(range.to) - day(range.from)));
        for (const one of blockers) expect(total).toBeGreaterThanOrEqual(blockedDays([one], range));
        expect(blockedDays([...blockers].reverse(), range)).toBe(total);
      }),
    );
  });
});
