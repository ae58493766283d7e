/** The calendar-date rules: cycle ends at month ends, the hand-over day, and date validation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  addMonthsIso,
  addWeeksIso,
  cycleEndDate,
  daysBetween,
  formatIsoDate,
  isIsoDate,
  isWeekendIso,
  isoDateSchema,
  maxIsoDate,
  minIsoDate,
  nextCycleStart,
  parseIsoDate,
  startOfMonthIso,
  startOfWeekIso,
  toIsoDate,
  workdayOnOrAfter,
  workdayOnOrBefore,
} from '../../shared/domain';

function messages(value: unknown): string[] {
  const result = isoDateSchema('Start date').safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

/** Any calendar date from 1990 to 2150, as yyyy-MM-dd. */
const anyDate = fc
  .date({ min: new Date(1990, 0, 1), max: new Date(2150, 11, 31), noInvalidDate: true })
  .map((d) => toIsoDate(new Date(d.getFullYear(), d.getMonth(), d.getDate())));

const dayOf = (iso: string) => Number(iso.slice(8, 10));
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

describe('the cycle date rule', () => {
  it('ends a cycle on the same day of the month, one cycle length later', () => {
    expect(cycleEndDate('2026-01-15', 3)).toBe('2026-04-15');
    expect(cycleEndDate('2026-11-01', 3)).toBe('2027-02-01');
  });

  it('ends a cycle that starts on 31 January on 30 April', () => {
    expect(cycleEndDate('2026-01-31', 3)).toBe('2026-04-30');
  });

  it('ends a cycle that starts on 30 November on 28 February, or 29 February in a leap year', () => {
    expect(cycleEndDate('2026-11-30', 3)).toBe('2027-02-28');
    expect(cycleEndDate('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('ends a cycle that starts on 31 August on 30 November', () => {
    expect(cycleEndDate('2026-08-31', 3)).toBe('2026-11-30');
  });

  it('starts the next cycle on the hand-over day: the day the previous one ends', () => {
    const end = cycleEndDate('2026-01-31', 3);
    expect(nextCycleStart(end)).toBe('2026-04-30');
    expect(cycleEndDate(nextCycleStart(end), 3)).toBe('2026-07-30');
  });

  it('always ends after the start, exactly the cycle length in months later (clamped to the month end)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 12 }), (start, months) => {
        const end = cycleEndDate(start, months);
        expect(isIsoDate(end)).toBe(true);
        expect(end > start).toBe(true);
        expect(monthIndex(end) - monthIndex(start)).toBe(months);
        // Same day of month, or the last day of a month too short to have it.
        const clamped = Math.min(dayOf(start), daysInMonth(end));
        expect(dayOf(end)).toBe(clamped);
        expect(daysBetween(start, end)).toBeGreaterThanOrEqual(28 * months);
        expect(daysBetween(start, end)).toBeLessThanOrEqual(31 * months);
      }),
    );
  });

  it('never drifts: cycle k of a program starting on day 1–28 starts on that same day of the month', () => {
    fc.assert(
      fc.property(
        anyDate.filter((d) => dayOf(d) <= 28),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 40 }),
        (programStart, months, count) => {
          let start = programStart;
          for (let k = 0; k < count; k++) {
            expect(start).toBe(addMonthsIso(programStart, k * months));
            expect(dayOf(start)).toBe(dayOf(programStart));
            start = nextCycleStart(cycleEndDate(start, months));
          }
        },
      ),
    );
  });

  it('lets a start on the 29th–31st move only earlier, and never below the 28th', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 40 }),
        (programStart, months, n) => {
          let start = programStart;
          for (let k = 0; k < n; k++) {
            const next = nextCycleStart(cycleEndDate(start, months));
            expect(dayOf(next)).toBeLessThanOrEqual(dayOf(start));
            expect(dayOf(next)).toBeGreaterThanOrEqual(Math.min(28, dayOf(programStart)));
            start = next;
          }
        },
      ),
    );
  });
});

function daysInMonth(iso: string): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Date(y, m, 0).getDate();
}

describe('stored dates', () => {
  it('accepts a real calendar date, trimmed', () => {
    expect(isoDateSchema('Start date').parse(' 2028-02-29 ')).toBe('2028-02-29');
  });

  it('rejects 30 February as not a real calendar date', () => {
    expect(messages('2026-02-30')).toEqual(['Start date is not a real calendar date']);
    expect(messages('2027-02-29')).toEqual(['Start date is not a real calendar date']);
  });

  it('rejects month 13', () => {
    expect(messages('2026-13-01')).toEqual(['Start date is not a real calendar date']);
  });

  it('rejects words and other formats with an example of the right one', () => {
    expect(messages('tomorrow')).toEqual(['Start date must be a date like 2026-01-31']);
    expect(messages('31/01/2026')).toEqual(['Start date must be a date like 2026-01-31']);
    expect(messages('2026-1-5')).toEqual(['Start date must be a date like 2026-01-31']);
  });

  it('says an empty date is required, once', () => {
    expect(messages('')).toEqual(['Start date is required']);
    expect(messages('   ')).toEqual(['Start date is required']);
    expect(messages(undefined)).toEqual(['Start date is required']);
  });

  it('rejects years outside 1970–2200', () => {
    expect(messages('1969-12-31')).toEqual(['Start date must be between 1970 and 2200']);
    expect(messages('2201-01-01')).toEqual(['Start date must be between 1970 and 2200']);
  });

  it('parses only real dates', () => {
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-02-28')?.getDate()).toBe(28);
    expect(isIsoDate(20260228)).toBe(false);
  });

  it('formats a date for people and leaves junk as it is', () => {
    expect(formatIsoDate('2026-01-31')).toBe('31 Jan 2026');
    expect(formatIsoDate(null)).toBe('');
    expect(formatIsoDate('soon')).toBe('soon');
  });

  it('counts days between dates, negative backwards', () => {
    expect(daysBetween('2026-01-31', '2026-04-30')).toBe(89);
    expect(daysBetween('2026-04-30', '2026-01-31')).toBe(-89);
  });

  it('round-trips every date through parse and format', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        expect(toIsoDate(parseIsoDate(d)!)).toBe(d);
      }),
    );
  });
});

/** Day of the week in UTC, 0 = Sunday, independent of the helpers under test. */
const weekdayOf = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay();

describe('weeks, months and working days', () => {
  it('adds weeks as seven days each, backwards too', () => {
    expect(addWeeksIso('2026-03-18', 2)).toBe('2026-04-01');
    expect(addWeeksIso('2026-01-07', -5)).toBe('2025-12-03');
  });

  it('starts a week on the Monday on or before the day', () => {
    expect(startOfWeekIso('2026-03-16')).toBe('2026-03-16'); // a Monday
    expect(startOfWeekIso('2026-03-22')).toBe('2026-03-16'); // the Sunday after it
    expect(startOfWeekIso('2027-01-02')).toBe('2026-12-28'); // across the year
  });

  it('finds the Monday of any week, at most six days back', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const monday = startOfWeekIso(d);
        expect(weekdayOf(monday)).toBe(1);
        expect(daysBetween(monday, d)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, d)).toBeLessThanOrEqual(6);
      }),
    );
  });

  it('starts a month on its first day', () => {
    expect(startOfMonthIso('2026-03-18')).toBe('2026-03-01');
    expect(startOfMonthIso('2028-02-29')).toBe('2028-02-01');
    expect(startOfMonthIso('2026-12-01')).toBe('2026-12-01');
  });

  it('knows Saturday and Sunday are the weekend', () => {
    expect(isWeekendIso('2026-03-20')).toBe(false); // Friday
    expect(isWeekendIso('2026-03-21')).toBe(true);
    expect(isWeekendIso('2026-03-22')).toBe(true);
    expect(isWeekendIso('2026-03-23')).toBe(false); // Monday
  });

  it('moves a weekend day to the next Monday or the previous Friday, and leaves a working day alone', () => {
    expect(workdayOnOrAfter('2026-03-21')).toBe('2026-03-23');
    expect(workdayOnOrBefore('2026-03-22')).toBe('2026-03-20');
    expect(workdayOnOrAfter('2026-03-18')).toBe('2026-03-18');
    expect(workdayOnOrBefore('2026-03-18')).toBe('2026-03-18');
    expect(workdayOnOrAfter('2026-12-26')).toBe('2026-12-28');
  });

  it('finds the nearest working day on the asked side, at most two days away', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const after = workdayOnOrAfter(d);
        const before = workdayOnOrBefore(d);
        for (const w of [after, before]) expect([0, 6]).not.toContain(weekdayOf(w));
        expect(daysBetween(d, after)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(d, after)).toBeLessThanOrEqual(2);
        expect(daysBetween(before, d)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(before, d)).toBeLessThanOrEqual(2);
        if (!isWeekendIso(d)) expect([after, before]).toEqual([d, d]);
      }),
    );
  });

  it('picks the earlier and the later of two dates', () => {
    expect(minIsoDate('2026-03-18', '2025-12-31')).toBe('2025-12-31');
    expect(maxIsoDate('2026-03-18', '2025-12-31')).toBe('2026-03-18');
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const other = addDaysIso(d, n);
        expect(minIsoDate(d, other)).toBe(n < 0 ? other : d);
        expect(maxIsoDate(d, other)).toBe(n < 0 ? d : other);
      }),
    );
  });
});
