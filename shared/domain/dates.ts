/**
 * Calendar dates. Every date the app stores is a `yyyy-MM-dd` string (no time, no zone), so
 * records sort and index as text and mean the same day on every machine. date-fns does the
 * arithmetic on UTC dates (@date-fns/utc) built from those strings: in local time, a zone that
 * skipped a day (Samoa, 30 December 2011) or starts summer time at midnight would shift results
 * on some machines. The steps charts take hundreds of times per drawing (a stored date to text and
 * back, adding days, the days between two dates) are plain UTC arithmetic here instead: the same
 * answers (tested against date-fns), a fraction of the cost.
 */
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, addWeeks, format, isWeekend, startOfMonth, startOfWeek } from 'date-fns';
import { z } from 'zod';

export type IsoDate = string;

/** The steps a time series is bucketed by: calendar weeks, months, quarters, or the program's cycles. */
export const GRANULARITIES = ['week', 'month', 'quarter', 'cycle'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `yyyy-MM-dd` into a UTC-midnight date; undefined when it is not a real calendar day. */
export function parseIsoDate(value: string): Date | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const date = new UTCDate(year, month - 1, day);
  // The Date constructor rolls 30 February over into March: a real day reads back the same.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day)
    return undefined;
  return date;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== undefined;
}

/** A calendar day in UTC, in milliseconds (UTC has no summer time). */
export const DAY_MS = 86_400_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad4 = (n: number) => (n < 1000 ? String(n).padStart(4, '0') : `${n}`);

/** `yyyy-MM-dd` of a date's own calendar fields (a UTCDate's in UTC, a Date's in local time). */
export function toIsoDate(date: Date): IsoDate {
  const year = date.getFullYear();
  if (Number.isNaN(year)) throw new RangeError('Invalid time value');
  return `${pad4(year)}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** `yyyy-MM-dd` of a UTC time (milliseconds since 1970). */
export function isoOfUtc(ms: number): IsoDate {
  const date = new Date(ms);
  return `${pad4(date.getUTCFullYear())}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** `yyyy-MM-dd` of a day number (days since 1970-01-01, UTC; pipeline.ts `isoDayNumber` is its inverse). */
export function isoOfDay(day: number): IsoDate {
  return isoOfUtc(day * DAY_MS);
}

/** The UTC midnight of a stored date, in milliseconds; throws when it is not a calendar day. */
export function utcMs(value: IsoDate): number {
  if (ISO_DATE.test(value)) {
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5, 7)) - 1;
    const day = Number(value.slice(8, 10));
    const ms = Date.UTC(year, month, day);
    const date = new Date(ms);
    // Date.UTC rolls 30 February over into March: a real day reads back the same.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day)
      return ms;
  }
  throw new RangeError(`Not a calendar date: ${value}`);
}

/** Today's calendar date on this machine (in its own time zone: the user's today). */
export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}

function mustParse(value: IsoDate): Date {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Not a calendar date: ${value}`);
  return date;
}

export function addDaysIso(value: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) return toIsoDate(addDays(mustParse(value), days));
  return isoOfUtc(utcMs(value) + days * DAY_MS);
}

export function addMonthsIso(value: IsoDate, months: number): IsoDate {
  return toIsoDate(addMonths(mustParse(value), months));
}

export function addWeeksIso(value: IsoDate, weeks: number): IsoDate {
  return toIsoDate(addWeeks(mustParse(value), weeks));
}

/** The Monday on or before `value`: weeks start on Monday (ISO 8601). */
export function startOfWeekIso(value: IsoDate): IsoDate {
  return toIsoDate(startOfWeek(mustParse(value), { weekStartsOn: 1 }));
}

/** The first day of the month of `value`. */
export function startOfMonthIso(value: IsoDate): IsoDate {
  return toIsoDate(startOfMonth(mustParse(value)));
}

/** The earlier of two dates: stored dates compare as text, `yyyy-MM-dd` sorts by date. */
export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** The later of two dates. */
export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** True on Saturday and Sunday. */
export function isWeekendIso(value: IsoDate): boolean {
  return isWeekend(mustParse(value));
}

/** `value` itself on a working day (Monday to Friday), else the Monday after it. */
export function workdayOnOrAfter(value: IsoDate): IsoDate {
  let date = mustParse(value);
  while (isWeekend(date)) date = addDays(date, 1);
  return toIsoDate(date);
}

/** `value` itself on a working day (Monday to Friday), else the Friday before it. */
export function workdayOnOrBefore(value: IsoDate): IsoDate {
  let date = mustParse(value);
  while (isWeekend(date)) date = addDays(date, -1);
  return toIsoDate(date);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

/** Formats a stored date for people, e.g. "31 Jan 2026". */
export function formatIsoDate(value: IsoDate | null | undefined, pattern = 'd MMM yyyy'): string {
  if (!value) return '';
  const date = parseIsoDate(value);
  return date ? format(date, pattern) : value;
}

/**
 * The cycle date rule.
 *
 * A cycle of N months that starts on day D ends on day D of the month N months later. When that
 * month is shorter, the end is clamped to its last day (date-fns `addMonths`): a 3-month cycle
 * starting on 31 January ends on 30 April, and one starting on 30 November ends on 28 February
 * (29 February in a leap year).
 *
 * The next cycle starts on the day the previous one ends: that day is the hand-over, so cycles
 * follow each other without gaps. A chain of cycles that starts on day 1–28 keeps that day of the
 * month for ever (1 Jan → 1 Apr → 1 Jul …). A start on the 29th–31st is pulled to the month's
 * last day whenever a cycle ends in a shorter month and keeps the shorter day from then on
 * (31 Jan → 30 Apr → 30 Jul …): the clamp never lets a cycle overrun its month, and the day
 * never drops below the 28th.
 */
export function cycleEndDate(start: IsoDate, cycleLengthMonths: number): IsoDate {
  return addMonthsIso(start, cycleLengthMonths);
}

/** The proposed start of the cycle after one that ends on `previousEnd` (the hand-over day). */
export function nextCycleStart(previousEnd: IsoDate): IsoDate {
  return previousEnd;
}

/** A zod schema for a stored calendar date, with a message that names the problem. */
export function isoDateSchema(label: string) {
  // The format check passes an empty value: it already got "is required", once is enough.
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .refine((v) => v === '' || ISO_DATE.test(v), `${label} must be a date like 2026-01-31`)
    .refine((v) => !ISO_DATE.test(v) || parseIsoDate(v) !== undefined, `${label} is not a real calendar date`)
    .refine((v) => {
      const year = Number(v.slice(0, 4));
      return !ISO_DATE.test(v) || (year >= 1970 && year <= 2200);
    }, `${label} must be between 1970 and 2200`);
}
