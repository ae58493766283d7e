/**
 * One CSV writer for every export, in the two dialects spreadsheets read: comma-separated with a
 * decimal point (most spreadsheets, and the English-language Excel), or semicolon-separated with
 * a decimal comma (Excel set to most European languages, where the comma is the decimal sign and
 * a comma-separated file opens as one column). Every import reads both: the delimiter is detected
 * (shared/import/read/csv.ts) and numbers accept a decimal comma.
 *
 * Text cells that a spreadsheet would run as a formula are neutralised (safeCsvCell); numbers are
 * written with the dialect's decimal sign and never neutralised, so a negative number stays a
 * number.
 */
import Papa from 'papaparse';

export const CSV_FORMATS = ['comma', 'semicolon'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

export const CSV_FORMAT_LABELS: Record<CsvFormat, string> = {
  comma: 'Comma-separated, decimal point (most spreadsheets)',
  semicolon: 'Semicolon-separated, decimal comma (Excel in most European languages)',
};

export function isCsvFormat(value: unknown): value is CsvFormat {
  return (CSV_FORMATS as readonly unknown[]).includes(value);
}

const DIALECTS: Record<CsvFormat, { delimiter: string; decimal: string }> = {
  comma: { delimiter: ',', decimal: '.' },
  semicolon: { delimiter: ';', decimal: ',' },
};

/** Apostrophes, then a character a spreadsheet starts a formula with. */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will show as text, never run as a formula: a value starting with
 * = + - @ tab or carriage return gets a leading apostrophe. So does one that already starts with
 * apostrophes before such a character, so the import (which removes one) gives back the value.
 */
export function safeCsvCell(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

/** A cell: text (neutralised), a number (in the dialect's decimal sign), or empty. */
export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  format?: CsvFormat;
  /** Start with a UTF-8 byte order mark so Excel reads accented names correctly. Default true. */
  bom?: boolean;
}

function cellText(cell: CsvCell, decimal: string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    const text = String(cell);
    return decimal === '.' ? text : text.replace('.', decimal);
  }
  return safeCsvCell(cell);
}

/** A CSV document: a header row, then the rows; CRLF line breaks; quoted only where needed. */
export function csvDocument(
  fields: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  { format = 'comma', bom = true }: CsvOptions = {},
): string {
  const { delimiter, decimal } = DIALECTS[format];
  const data = rows.map((row) => row.map((cell) => cellText(cell, decimal)));
  const csv = Papa.unparse({ fields: [...fields], data }, { newline: '\r\n', quotes: false, delimiter });
  return (bom ? '\uFEFF' : '') + csv + '\r\n';
}
