/**
 * The apps table as CSV, exactly as the user filtered it. The header names are ones the CSV
 * import recognises (guessCsvMapping), so an exported file imports back as it was; columns the
 * import has no field for (cycle, golden paths, time to hello world) are for reading only.
 *
 * Cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return) get a leading apostrophe, the usual defence against CSV formula injection: an app
 * named `=HYPERLINK(…)` stays text (./csv.ts). The import removes that apostrophe again.
 */
import { APP_STAGE_LABELS, type AppStage } from '../domain/apps';
import type { IsoDate } from '../domain/dates';
import { timeToHelloWorldDays } from '../domain/pipeline';
import { csvDocument, type CsvOptions } from './csv';

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

export type AppsCsvOptions = CsvOptions;

/** The rows as a CSV document in the chosen dialect (./csv.ts), with a header row. */
export function appsToCsv(rows: readonly AppExportRow[], options: AppsCsvOptions = {}): string {
  const data = rows.map((row) => {
    const helloWorld = timeToHelloWorldDays(row);
    return [
      row.name,
      row.team ?? '',
      APP_STAGE_LABELS[row.stage] ?? row.stage,
      row.cycle ?? '',
      row.businessScore,
      row.technicalScore,
      row.selectedOn ?? '',
      row.firstDeployOn ?? '',
      row.productionOn ?? '',
      helloWorld,
      row.goldenPaths.join('; '),
      row.externalId ?? '',
      row.lifecycle ?? '',
      row.system ?? '',
      row.description ?? '',
    ];
  });
  return csvDocument(APP_EXPORT_COLUMNS, data, options);
}
