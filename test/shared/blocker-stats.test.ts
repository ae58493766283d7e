/**
 * What the Blockers views count: ageing, time to resolve (open, reopened and same-day blockers),
 * open blockers per category over time (across year ends, against counting blocker by blocker),
 * category × severity — and the register's filters, which must select exactly what each counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCKER_CATEGORY_IDS,
  BLOCKER_SEVERITIES,
  type Blocker,
  type BlockerCategory,
  type BlockerStatus,
  type BlockerStatusChange,
} from '../../shared/domain';
import {
  ageBucketOf,
  ageing,
  ageingByBucket,
  categorySeverityCounts,
  daysOpen,
  isOpenOn,
  openPerCategoryOver,
  statusOn,
  timeToResolveByCategory,
  timeToResolveDays,
  trendPoints,
} from '../../shared/domain/blocker-stats';
import { isoOfDay } from '../../shared/domain/dates';
import {
  blockerMatcher,
  EMPTY_BLOCKER_FILTERS,
  filtersFromQuery,
  indexForFilters,
  queryOfFilters,
} from '../../shared/domain/blocker-filters';
import { isoDayNumber } from '../../shared/domain/pipeline';

type Change = [BlockerStatus, string, string?];

let serial = 0;
/** A blocker with just what the calculations read; its status is its history's last. */
function blocker(category: BlockerCategory, changes: Change[], extra: Partial<Blocker> = {}): Blocker {
  const statusHistory = changes.map(([status, on, note]) => (note ? { status, on, note } : { status, on }));
  const last = statusHistory.at(-1)!;
  serial++;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    title: `Blocker ${serial}`,
    category,
    subCategory: 'Other',
    severity: 'medium',
    status: last.status,
    openedOn: statusHistory[0]!.on,
    resolvedOn: last.status === 'resolved' ? last.on : null,
    statusHistory,
    appId: null,
    teamId: null,
    cycleId: null,
    ownerId: null,
    notes: '',
    mitigation: '',
    ...extra,
  };
}

const day = (iso: string) => isoDayNumber(iso)!;

describe('time to resolve', () => {
  it('counts the days from opened to resolved; a blocker resolved the day it opened took 0 days', () => {
    expect(
      timeToResolveDays(
        blocker('people-culture', [
          ['open', '2026-01-05'],
          ['mitigating', '2026-01-07'],
          ['resolved', '2026-01-19'],
        ]),
      ),
    ).toBe(14);
    expect(
      timeToResolveDays(
        blocker('people-culture', [
          ['open', '2026-01-05'],
          ['resolved', '2026-01-05'],
        ]),
      ),
    ).toBe(0);
  });

  it('has none for a blocker still open or mitigating', () => {
    expect(timeToResolveDays(blocker('people-culture', [['open', '2026-01-05']]))).toBeNull();
    expect(
      timeToResolveDays(
        blocker('people-culture', [
          ['open', '2026-01-05'],
          ['mitigating', '2026-01-06'],
        ]),
      ),
    ).toBeNull();
  });

  it('adds up a reopened blocker’s unresolved days, leaving out the days it sat resolved', () => {
    const reopened = blocker('technical-execution', [
      ['open', '2025-12-20'],
      ['resolved', '2025-12-30'],
      ['open', '2026-01-10', 'Came back after the freeze'],
      ['mitigating', '2026-01-11'],
      ['resolved', '2026-01-15'],
    ]);
    expect(timeToResolveDays(reopened)).toBe(10 + 5);
    // Reopened and not resolved again: no time yet, counted as unresolved.
    const open = blocker('technical-execution', [
      ['open', '2026-01-01'],
      ['resolved', '2026-01-02'],
      ['open', '2026-01-03', 'Not fixed after all'],
    ]);
    expect(timeToResolveDays(open)).toBeNull();
  });

  it('gives the mean and median per category, every category listed, counting the unresolved apart', () => {
    const blockers = [
      blocker('people-culture', [
        ['open', '2026-01-01'],
        ['resolved', '2026-01-11'],
      ]),
      blocker('people-culture', [
        ['open', '2026-01-01'],
        ['resolved', '2026-01-21'],
      ]),
      blocker('people-culture', [
        ['open', '2026-01-01'],
        ['resolved', '2026-03-02'],
      ]),
      blocker('people-culture', [['open', '2026-01-01']]),
      blocker('technical-execution', [
        ['open', '2026-01-01'],
        ['resolved', '2026-01-01'],
      ]),
      blocker('technical-execution', [
        ['open', '2026-01-01'],
        ['resolved', '2026-01-04'],
      ]),
    ];
    const { categories, all } = timeToResolveByCategory(blockers);
    expect(categories).toEqual([
      { category: 'people-culture', resolved: 3, unresolved: 1, meanDays: 30, medianDays: 20 },
      { category: 'plans-alignment', resolved: 0, unresolved: 0, meanDays: null, medianDays: null },
      { category: 'technical-execution', resolved: 2, unresolved: 0, meanDays: 1.5, medianDays: 1.5 },
    ]);
    expect(all).toEqual({ resolved: 5, unresolved: 1, meanDays: 93 / 5, medianDays: 10 });
  });
});

describe('ageing', () => {
  it('lists the unresolved blockers with their days open, oldest first', () => {
    const old = blocker('plans-alignment', [
      ['open', '2025-06-01'],
      ['mitigating', '2025-07-01'],
    ]);
    const recent = blocker('plans-alignment', [['open', '2026-02-20']]);
    const done = blocker('plans-alignment', [
      ['open', '2025-01-01'],
      ['resolved', '2025-02-01'],
    ]);
    const reopened = blocker('people-culture', [
      ['open', '2025-12-01'],
      ['resolved', '2025-12-11'],
      ['open', '2026-02-01', 'Back'],
    ]);
    const rows = ageing([recent, done, reopened, old], '2026-03-01');
    expect(rows.map((r) => [r.blocker.title, r.days])).toEqual([
      [old.title, 273],
      [reopened.title, 10 + 28],
      [recent.title, 9],
    ]);
    expect(daysOpen(done, '2026-03-01')).toBeNull();
    expect(daysOpen(recent, '2026-02-20')).toBe(0);
    expect(ageingByBucket(rows).map((r) => [r.bucket.id, r.total, r.counts['people-culture']])).toEqual([
      ['0-30', 1, 0],
      ['31-90', 1, 1],
      ['91-180', 0, 0],
      ['181-365', 1, 0],
      ['366+', 0, 0],
    ]);
    expect([0, 30, 31, 365, 366, 5000].map((d) => ageBucketOf(d).id)).toEqual([
      '0-30',
      '0-30',
      '31-90',
      '181-365',
      '366+',
      '366+',
    ]);
  });
});

describe('open blockers per category over time', () => {
  it('counts at the end of each month across a year end, a change on a point’s day counting on it', () => {
    const blockers = [
      blocker('people-culture', [
        ['open', '2025-11-15'],
        ['resolved', '2026-01-10'],
      ]),
      blocker('people-culture', [
        ['open', '2025-12-31'],
        ['mitigating', '2026-01-02'],
      ]),
      blocker('technical-execution', [
        ['open', '2025-12-31'],
        ['resolved', '2025-12-31'],
      ]),
      blocker('technical-execution', [
        ['open', '2025-10-01'],
        ['resolved', '2025-11-30'],
        ['open', '2026-01-31', 'Back again'],
      ]),
    ];
    const points = trendPoints('2025-11-01', '2026-02-15', 'month');
    expect(points).toEqual(['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-15']);
    const series = openPerCategoryOver(blockers, points);
    expect(
      series.map((p) => [p.on, p.counts['people-culture'], p.counts['technical-execution'], p.total]),
    ).toEqual([
      ['2025-11-30', 1, 0, 1],
      ['2025-12-31', 2, 0, 2],
      ['2026-01-31', 1, 1, 2],
      ['2026-02-15', 1, 1, 2],
    ]);
  });

  it('counts blockers opened before the first point from the start', () => {
    const series = openPerCategoryOver(
      [blocker('plans-alignment', [['open', '2010-01-01']])],
      ['2026-01-31'],
    );
    expect(series[0]!.counts['plans-alignment']).toBe(1);
  });

  it('ends periods on Sundays, month ends and quarter ends, then on the last day itself', () => {
    expect(trendPoints('2025-12-24', '2026-01-14', 'week')).toEqual([
      '2025-12-28',
      '2026-01-04',
      '2026-01-11',
      '2026-01-14',
    ]);
    expect(trendPoints('2025-11-15', '2026-05-01', 'quarter')).toEqual([
      '2025-12-31',
      '2026-03-31',
      '2026-05-01',
    ]);
    expect(trendPoints('2024-01-31', '2024-03-31', 'month')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
    ]);
    expect(trendPoints('2026-02-01', '2026-01-01', 'month')).toEqual([]);
  });
});

describe('category × severity', () => {
  it('counts every category and severity, in order, with totals', () => {
    const counts = categorySeverityCounts([
      blocker('people-culture', [['open', '2026-01-01']], { severity: 'high' }),
      blocker('people-culture', [['open', '2026-01-01']], { severity: 'high' }),
      blocker('technical-execution', [['open', '2026-01-01']], { severity: 'low' }),
    ]);
    expect(counts.rows.map((r) => [r.category, r.counts.high, r.counts.low, r.total])).toEqual([
      ['people-culture', 2, 0, 2],
      ['plans-alignment', 0, 0, 0],
      ['technical-execution', 0, 1, 1],
    ]);
    expect(counts.bySeverity).toEqual({ low: 1, medium: 0, high: 2, critical: 0 });
    expect(counts.total).toBe(3);
  });
});

describe('the register’s filters in a route', () => {
  it('read back what they wrote, and ignore what they do not know', () => {
    const filters = {
      ...EMPTY_BLOCKER_FILTERS,
      category: 'people-culture' as const,
      subCategory: '“We already do agile.”',
      status: 'unresolved' as const,
      openOn: '2026-01-31',
      text: 'a & b',
    };
    expect(filtersFromQuery(queryOfFilters(filters))).toEqual(filters);
    expect(filtersFromQuery('opened=2026-01-01..2026-03-31&resolved=..2026-02-01')).toEqual({
      ...EMPTY_BLOCKER_FILTERS,
      opened: '2026-01-01..2026-03-31',
      resolved: '..2026-02-01',
    });
    expect(
      filtersFromQuery(
        'category=marketing&severity=huge&openOn=2026-02-30&age=3-4&appId=x&opened=..&resolved=2026-03-01..2026-02-01',
      ),
    ).toEqual(EMPTY_BLOCKER_FILTERS);
    expect(queryOfFilters(EMPTY_BLOCKER_FILTERS)).toBe('');
  });

  it('read through the most selective index', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(indexForFilters({ ...EMPTY_BLOCKER_FILTERS, status: 'open', appId: id })).toEqual({
      index: 'appId',
      anyOf: [id],
    });
    expect(
      indexForFilters({ ...EMPTY_BLOCKER_FILTERS, appId: '__none__', category: 'people-culture' }),
    ).toEqual({
      index: 'category',
      anyOf: ['people-culture'],
    });
    expect(indexForFilters({ ...EMPTY_BLOCKER_FILTERS, age: '0-30' })).toEqual({
      index: 'status',
      anyOf: ['open', 'mitigating'],
    });
    expect(
      indexForFilters({ ...EMPTY_BLOCKER_FILTERS, resolved: '2026-01-01..', category: 'people-culture' }),
    ).toEqual({
      index: 'resolvedOn',
      between: ['2026-01-01', '9999-12-31'],
    });
    expect(indexForFilters(EMPTY_BLOCKER_FILTERS)).toBeNull();
  });
});

// Random histories: open first, then changes to another status, some on the same day, spanning year ends.
const historyArb = fc
  .record({
    start: fc.integer({ min: day('2019-11-01'), max: day('2026-02-01') }),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 90 }),
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
    return history;
  });
const blockerArb = fc
  .record({
    category: fc.constantFrom(...BLOCKER_CATEGORY_IDS),
    severity: fc.constantFrom(...BLOCKER_SEVERITIES),
    history: historyArb,
  })
  .map(({ category, severity, history }) =>
    blocker(
      category,
      history.map((c) => [c.status, c.on] as Change),
      { severity },
    ),
  );

/** Days from `from` (included) to `to` (excluded) at whose end the blocker was unresolved. */
function unresolvedDaysCounted(b: Blocker, from: string, to: string): number {
  let n = 0;
  for (let d = day(from); d < day(to); d++) if (isOpenOn(b, isoOfDay(d))) n++;
  return n;
}

describe('searching the words of blockers', () => {
  it('finds words in the title, sub-category, notes and mitigation, in any case', () => {
    const b = blocker('technical-execution', [['open', '2026-01-05']], {
      title: 'Jenkins on a VM',
      notes: 'Owned by the Mainframe team',
      mitigation: 'Move to the golden path',
    });
    const matches = (text: string) => blockerMatcher({ ...EMPTY_BLOCKER_FILTERS, text }, '2026-02-01')(b);
    expect(matches('jenkins mainframe')).toBe(true);
    expect(matches('GOLDEN')).toBe(true);
    expect(matches('other')).toBe(true);
    expect(matches('jenkins kubernetes')).toBe(false);
  });

  it('matches an edited blocker on its new words, never the ones it had', () => {
    const before = blocker('people-culture', [['open', '2026-01-05']], { title: 'Hiring freeze' });
    const matcher = blockerMatcher({ ...EMPTY_BLOCKER_FILTERS, text: 'freeze' }, '2026-02-01');
    expect(matcher(before)).toBe(true);
    // A record read again after an edit is another object.
    const after = { ...before, title: 'Hiring budget approved' };
    expect(matcher(after)).toBe(false);
    expect(blockerMatcher({ ...EMPTY_BLOCKER_FILTERS, text: 'approved' }, '2026-02-01')(after)).toBe(true);
  });
});

describe('properties', () => {
  it('the series equals counting, blocker by blocker, those unresolved at each point', () => {
    fc.assert(
      fc.property(
        fc.array(blockerArb, { maxLength: 25 }),
        fc.integer({ min: day('2019-10-01'), max: day('2026-06-01') }),
        fc.integer({ min: 0, max: 900 }),
        fc.constantFrom('week' as const, 'month' as const, 'quarter' as const),
        (blockers, from, span, step) => {
          const points = trendPoints(isoOfDay(from), isoOfDay(from + span), step);
          const series = openPerCategoryOver(blockers, points);
          series.forEach((point, i) => {
            expect(point.on).toBe(points[i]);
            for (const category of BLOCKER_CATEGORY_IDS) {
              const counted = blockers.filter((b) => b.category === category && isOpenOn(b, point.on)).length;
              expect(point.counts[category]).toBe(counted);
            }
          });
        },
      ),
    );
  });

  it('the register filter "open on a day" of a category lists exactly the series’ count', () => {
    fc.assert(
      fc.property(
        fc.array(blockerArb, { maxLength: 25 }),
        fc.integer({ min: day('2019-10-01'), max: day('2026-06-01') }),
        (blockers, d) => {
          const on = isoOfDay(d);
          const [point] = openPerCategoryOver(blockers, [on]);
          for (const category of BLOCKER_CATEGORY_IDS) {
            const listed = blockers.filter(
              blockerMatcher({ ...EMPTY_BLOCKER_FILTERS, category, openOn: on }, on),
            );
            expect(listed).toHaveLength(point!.counts[category]);
          }
        },
      ),
    );
  });

  it('time to resolve and days open are the days the blocker ended unresolved', () => {
    fc.assert(
      fc.property(blockerArb, fc.integer({ min: 0, max: 400 }), (b, after) => {
        const first = b.statusHistory[0]!.on;
        const last = b.statusHistory.at(-1)!.on;
        if (b.status === 'resolved') expect(timeToResolveDays(b)).toBe(unresolvedDaysCounted(b, first, last));
        else {
          const today = isoOfDay(day(last) + after);
          expect(daysOpen(b, today)).toBe(unresolvedDaysCounted(b, first, today));
          expect(statusOn(b.statusHistory, today)).toBe(b.status);
        }
      }),
    );
  });

  it('ageing lists every unresolved blocker once, oldest first, in the bucket its filter selects', () => {
    fc.assert(
      fc.property(fc.array(blockerArb, { maxLength: 30 }), (blockers) => {
        const today = '2026-06-30';
        const rows = ageing(blockers, today);
        expect(rows).toHaveLength(blockers.filter((b) => b.status !== 'resolved').length);
        rows.slice(1).forEach((row, i) => expect(row.days).toBeLessThanOrEqual(rows[i]!.days));
        for (const bucket of ageingByBucket(rows)) {
          const listed = blockers.filter(
            blockerMatcher({ ...EMPTY_BLOCKER_FILTERS, age: bucket.bucket.id }, today),
          );
          expect(listed).toHaveLength(bucket.total);
        }
      }),
    );
  });

  it('category × severity cells add up to the totals, each cell what its filter lists', () => {
    fc.assert(
      fc.property(fc.array(blockerArb, { maxLength: 30 }), (blockers) => {
        const counts = categorySeverityCounts(blockers);
        expect(counts.rows.reduce((s, r) => s + r.total, 0)).toBe(blockers.length);
        for (const row of counts.rows) {
          for (const severity of BLOCKER_SEVERITIES) {
            const listed = blockers.filter(
              blockerMatcher({ ...EMPTY_BLOCKER_FILTERS, category: row.category, severity }, '2026-06-30'),
            );
            expect(listed).toHaveLength(row.counts[severity]);
          }
        }
      }),
    );
  });

  it('trend points rise, end on the last day, and each but the last ends a period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('2015-01-01'), max: day('2030-01-01') }),
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom('week' as const, 'month' as const, 'quarter' as const),
        (from, span, step) => {
          const points = trendPoints(isoOfDay(from), isoOfDay(from + span), step);
          expect(points.at(-1)).toBe(isoOfDay(from + span));
          expect(points[0]! >= isoOfDay(from)).toBe(true);
          points.slice(1).forEach((p, i) => expect(p > points[i]!).toBe(true));
          for (const p of points.slice(0, -1)) {
            const next = isoOfDay(day(p) + 1);
            if (step === 'week') expect(new Date(`${p}T00:00:00Z`).getUTCDay()).toBe(0);
            else if (step === 'month') expect(next.slice(8)).toBe('01');
            else expect(['01-01', '04-01', '07-01', '10-01']).toContain(next.slice(5));
          }
        },
      ),
    );
  });
});
