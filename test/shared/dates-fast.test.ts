/**
 * The calendar steps charts take hundreds of times per drawing are plain UTC arithmetic
 * (shared/domain/dates.ts, bucketsBetween in adoption.ts). They must give date-fns's answers:
 * each is checked here against date-fns on UTC dates over two centuries of days, including leap
 * days, year ends and ISO weeks 52/53.
 */
import { UTCDate } from '@date-fns/utc';
import {
  addDays,
  addMonths,
  addWeeks,
  differenceInCalendarDays,
  format,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
} from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketsBetween, type Bucket } from '../../shared/domain/adoption';
import { isoDayNumber } from '../../shared/domain/pipeline';
import {
  addDaysIso,
  daysBetween,
  isoOfDay,
  parseIsoDate,
  toIsoDate,
  type Granularity,
} from '../../shared/domain/dates';

const DAY = 86_400_000;
const day0 = Date.UTC(1970, 0, 1) / DAY;
const dayMax = Date.UTC(2200, 11, 31) / DAY;
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const anyDay = fc.integer({ min: day0, max: dayMax });
const utc = (value: string) => parseIsoDate(value)!;

/** bucketsBetween as it was written with date-fns: the reference. */
function bucketsWithDateFns(from: string, to: string, granularity: Exclude<Granularity, 'cycle'>): Bucket[] {
  const first = utc(from);
  let start =
    granularity === 'week'
      ? startOfWeek(first, { weekStartsOn: 1 })
      : granularity === 'month'
        ? startOfMonth(first)
        : startOfQuarter(first);
  const step = (d: Date) =>
    granularity === 'week' ? addWeeks(d, 1) : granularity === 'month' ? addMonths(d, 1) : addMonths(d, 3);
  const label = (d: Date) =>
    granularity === 'week'
      ? format(d, "'W'II RRRR")
      : granularity === 'month'
        ? format(d, 'MMM yyyy')
        : format(d, "'Q'Q yyyy");
  const buckets: Bucket[] = [];
  while (format(start, 'yyyy-MM-dd') <= to) {
    const next = step(start);
    buckets.push({
      start: format(start, 'yyyy-MM-dd'),
      end: format(next, 'yyyy-MM-dd'),
      label: label(start),
    });
    start = next;
  }
  return buckets;
}

describe('calendar arithmetic without date-fns', () => {
  it('adds days as date-fns does, across leap days and year ends (property)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -4000, max: 4000 }), (start, days) => {
        const value = iso(start);
        expect(addDaysIso(value, days)).toBe(format(addDays(utc(value), days), 'yyyy-MM-dd'));
      }),
      { numRuns: 2000 },
    );
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts the days between two dates as date-fns does (property)', () => {
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        expect(daysBetween(iso(a), iso(b))).toBe(differenceInCalendarDays(utc(iso(b)), utc(iso(a))));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns a day number into its date and back (property)', () => {
    fc.assert(
      fc.property(anyDay, (n) => {
        expect(isoOfDay(n)).toBe(format(new UTCDate(n * DAY), 'yyyy-MM-dd'));
        expect(isoDayNumber(isoOfDay(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a date as yyyy-MM-dd from its own fields, UTC or local, as date-fns does', () => {
    fc.assert(
      fc.property(anyDay, (n) => {
        const date = new UTCDate(n * DAY);
        expect(toIsoDate(date)).toBe(format(date, 'yyyy-MM-dd'));
        const local = new Date(n * DAY + 13 * 3_600_000);
        expect(toIsoDate(local)).toBe(format(local, 'yyyy-MM-dd'));
      }),
      { numRuns: 1000 },
    );
    expect(() => toIsoDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('refuses what is not a calendar day, naming it', () => {
    expect(() => addDaysIso('2026-02-30', 1)).toThrow('Not a calendar date: 2026-02-30');
    expect(() => daysBetween('2026-01-01', '31/01/2026')).toThrow('Not a calendar date: 31/01/2026');
  });

  it('makes the buckets date-fns made: starts, ends and labels, ISO weeks 52 and 53 included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day0 + 7, max: dayMax - 800 }),
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom<Exclude<Granularity, 'cycle'>>('week', 'month', 'quarter'),
        (start, length, granularity) => {
          const from = iso(start);
          const to = iso(start + length);
          expect(bucketsBetween(from, to, granularity)).toEqual(bucketsWithDateFns(from, to, granularity));
        },
      ),
      { numRuns: 600 },
    );
    // 2026 has 53 ISO weeks; W01 2027 starts on 4 January 2027, W01 2026 on 29 December 2025.
    const weeks = bucketsBetween('2025-12-29', '2027-01-10', 'week');
    expect(weeks[0]!.label).toBe('W01 2026');
    expect(weeks.at(-2)!.label).toBe('W53 2026');
    expect(weeks.at(-1)).toEqual({ start: '2027-01-04', end: '2027-01-11', label: 'W01 2027' });
  });
});
