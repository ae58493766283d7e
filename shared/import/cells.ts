/**
 * Cell readers any entity's field list can use, with problems worded for the person who made the
 * spreadsheet. Dates are yyyy-MM-dd only ("2026-01-31"), or a timestamp that starts with one (the
 * date part is taken): day/month orders like 03/04/2026 are rejected rather than guessed, since
 * the same text is 3 April in Europe and 4 March in the US.
 */
import type { IsoDate } from '../domain/dates';
import { isoDayNumber } from '../domain/pipeline';
import type { CellResult } from './definition';

/** A cell's text as a problem quotes it: “Live”, shortened when long. */
export function quoted(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `“${shown}”`;
}

/**
 * Removes the apostrophe the CSV exports put before a cell starting with = + - @ (against formula
 * injection, see safeCsvCell), so an exported file imports back as it was.
 */
export function unescapeFormulaCell(value: string): string {
  return /^''*[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** A yyyy-MM-dd date between 1970 and 2200, or a timestamp that starts with one. */
export function parseDateCell(cell: string): CellResult<IsoDate> {
  const date = /^\d{4}-\d{2}-\d{2}([T ]|$)/.test(cell) ? cell.slice(0, 10) : null;
  if (date === null)
    return { problem: `${quoted(cell)} is not a date in the form yyyy-MM-dd (e.g. 2026-01-31)` };
  if (isoDayNumber(date) === null) return { problem: `${quoted(cell)} is not a real calendar date` };
  const year = Number(date.slice(0, 4));
  if (year < 1970 || year > 2200) return { problem: `${quoted(cell)} is not between 1970 and 2200` };
  return { value: date };
}

/**
 * A plain decimal as people type it in a spreadsheet: digits, then a decimal point or a decimal
 * comma and digits ("4", "3.5", "3,5"). Null for anything else, among them what Number() would
 * also read: "0x3", "1e0", "Infinity", "+3", ".5", "3.", inner spaces. A comma followed by three
 * or more digits ("1,000") is more likely a thousands separator than a decimal: null too.
 */
export function plainDecimal(cell: string): number | null {
  if (/^\d+(\.\d+)?$/.test(cell)) return Number(cell);
  if (/^\d+,\d{1,2}$/.test(cell)) return Number(cell.replace(',', '.'));
  return null;
}
