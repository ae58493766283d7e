/**
 * Small helpers the demo's areas share: a random working day, numbers rounded the way people
 * write them down, slugs, and a guard for lookups the script guarantees.
 */
import { addDaysIso, daysBetween, workdayOnOrAfter, workdayOnOrBefore, type IsoDate } from '../domain';
import type { Rng } from './random';

/** A working day in [from, to]; `from` itself when the range holds none. */
export function randomWorkday(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  if (to <= from) return from;
  const d = workdayOnOrAfter(addDaysIso(from, rng.int(0, daysBetween(from, to))));
  if (d <= to) return d;
  const back = workdayOnOrBefore(to);
  return back >= from ? back : from;
}

/** Orders records by their `date`, earliest first. */
export function byDate(a: { date: IsoDate }, b: { date: IsoDate }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Minutes as people write them down: to the nearest 5 from half an hour up. */
export function roundMinutes(value: number): number {
  return value >= 30 ? Math.round(value / 5) * 5 : Math.round(value);
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The value of a lookup the demo script guarantees; throws, naming it, when the script does not. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo script is inconsistent: no ${what}`);
  return value;
}
