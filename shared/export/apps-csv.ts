/**
 * The apps table as CSV, exactly as the user filtered it. The header names are ones the CSV
 * import recognises (guessCsvMapping), so an exported file imports back as it was; columns the
 * import has no field for (cycle, golden paths, time to hello world) are for reading only.
 *
 * Cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return) get a leading apostrophe, the usual defence against CSV formula injection: an app
 * named `=HYPERLINK(…)` stays text. The import removes that apostrophe again.
 */
import Papa from 'papaparse';
import { APP_STAGE_LABELS, type AppStage } from '../domain/apps';
import type { IsoDate } from '../domain/dates';
import { timeToHelloWorldDays } from '../domain/pipeline';

export interface AppExportRow {
  name: string;
  /** The owning team's name; '' or null for none. */
  team: string | null;
  stage: AppStage;
  /** The cycle's label as the app shows it (e.g. "Cycle 2"); '' or null for none. */
  cycle: string | null;
  businessScore: number | null;
  technicalScore: number | null;
  selectedOn: IsoDate | null;
  firstDeployOn: IsoDate | null;
  productionOn: IsoDate | null;
  /** Names of the golden paths the app uses. */
  goldenPaths: readonly string[];
  externalId: string | null;
  lifecycle?: string;
  system?: string;
  description?: string;
}

/** The columns, in order. Header names re-import through guessCsvMapping. */
export const APP_EXPORT_COLUMNS = [
  'Name',
  'Team',
  'Stage',
  'Cycle',
  'Business value',
  'Technical feasibility',
  'Selected on',
  'First deploy on',
  'In production on',
  'Time to hello world (days)',
  'Golden paths',
  'External id',
  'Lifecycle',
  'System',
  'Description',
] as const;

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

function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

export interface AppsCsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads accented names correctly. Default true. */
  bom?: boolean;
}

/** The rows as a CSV document (comma-separated, CRLF line breaks, a header row). */
export function appsToCsv(rows: readonly AppExportRow[], options: AppsCsvOptions = {}): string {
  const data = rows.map((row) => {
    const helloWorld = timeToHelloWorldDays(row);
    return [
      row.name,
      row.team ?? '',
      APP_STAGE_LABELS[row.stage] ?? row.stage,
      row.cycle ?? '',
      numberCell(row.businessScore),
      numberCell(row.technicalScore),
      row.selectedOn ?? '',
      row.firstDeployOn ?? '',
      row.productionOn ?? '',
      helloWorld === null ? '' : String(helloWorld),
      row.goldenPaths.join('; '),
      row.externalId ?? '',
      row.lifecycle ?? '',
      row.system ?? '',
      row.description ?? '',
    ].map(safeCsvCell);
  });
  const csv = Papa.unparse({ fields: [...APP_EXPORT_COLUMNS], data }, { newline: '\r\n', quotes: false });
  return ((options.bom ?? true) ? '\uFEFF' : '') + csv + '\r\n';
}
