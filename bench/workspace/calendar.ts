/**
 * Days as numbers for the workspace generator: the generator draws hundreds of thousands of
 * dates, so it works on day numbers (days since 1970-01-01, UTC) and turns them into
 * `yyyy-MM-dd` strings from a table built once, instead of calling date-fns for every record.
 */
import { isoDayNumber } from '../../shared/domain/pipeline';

export interface Calendar {
  /** The first and last day number the calendar covers. */
  readonly first: number;
  readonly last: number;
  /** `yyyy-MM-dd` of a day number (clamped into the calendar). */
  iso(day: number): string;
  /** The day number of a `yyyy-MM-dd` date; throws for one that is not a date. */
  day(iso: string): number;
  /** Saturday or Sunday. */
  isWeekend(day: number): boolean;
  /** The day itself, or the Monday after when it falls on a weekend. */
  workdayOnOrAfter(day: number): number;
}

const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  const day = isoDayNumber(iso);
  if (day === null) throw new RangeError(`Not a calendar date: ${iso}`);
  return day;
}

/** A calendar over [first, last], both day numbers. */
export function createCalendar(first: number, last: number): Calendar {
  const names: string[] = [];
  for (let d = first; d <= last; d++) names.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
  // 1970-01-01 (day 0) was a Thursday: day % 7 is 2 on Saturdays and 3 on Sundays.
  const isWeekend = (day: number) => {
    const w = ((day % 7) + 7) % 7;
    return w === 2 || w === 3;
  };
  return {
    first,
    last,
    iso: (day) => names[Math.min(last, Math.max(first, day)) - first] as string,
    day: dayNumber,
    isWeekend,
    workdayOnOrAfter: (day) => (isWeekend(day) ? day + (((day % 7) + 7) % 7 === 2 ? 2 : 1) : day),
  };
}

/** The day number `months` calendar months after `day` (the same day of the month, or the month's last). */
export function addMonthsToDay(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Math.round(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastOfMonth)) /
      MS_PER_DAY,
  );
}
