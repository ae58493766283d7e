/**
 * Date arithmetic must not depend on the machine's time zone: these days are tricky in local
 * time (Samoa skipped 30 December 2011; Kiritimati skipped 31 December 1994; São Paulo's summer
 * time once started at midnight).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDaysIso,
  cycleEndDate,
  daysBetween,
  isIsoDate,
  isWeekendIso,
  parseIsoDate,
  startOfMonthIso,
  startOfWeekIso,
  workdayOnOrAfter,
} from '../../shared/domain/dates';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe.each(['Pacific/Apia', 'Pacific/Kiritimati', 'America/Sao_Paulo', 'UTC'])('in %s', (zone) => {
  it('keeps every calendar day, even one the zone skipped', () => {
    process.env.TZ = zone;
    expect(isIsoDate('2011-12-30')).toBe(true);
    expect(isIsoDate('1994-12-31')).toBe(true);
    expect(addDaysIso('2011-12-29', 1)).toBe('2011-12-30');
    expect(daysBetween('2011-12-29', '2011-12-31')).toBe(2);
    expect(daysBetween('1994-12-30', '1995-01-01')).toBe(2);
    expect(addDaysIso('2018-11-03', 1)).toBe('2018-11-04');
    expect(cycleEndDate('2011-09-30', 3)).toBe('2011-12-30');
    expect(parseIsoDate('2011-12-30')?.getDate()).toBe(30);
    // 30 December 2011 was a Friday everywhere but in Samoa, which skipped it.
    expect(isWeekendIso('2011-12-30')).toBe(false);
    expect(workdayOnOrAfter('2011-12-31')).toBe('2012-01-02');
    expect(startOfWeekIso('2011-12-31')).toBe('2011-12-26');
    expect(startOfWeekIso('2018-11-04')).toBe('2018-10-29');
    expect(startOfMonthIso('2018-11-04')).toBe('2018-11-01');
  });
});
