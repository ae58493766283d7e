/**
 * Exporting a table as CSV, the same way from every area: the file is written in the CSV dialect
 * chosen on the Data screen (comma and decimal point, or semicolon and decimal comma for Excel
 * in most European languages; shared/export/csv.ts), saved where the user chooses, and the
 * outcome told in a message. The choice is a preference of this machine (the settings table:
 * never in a backup, kept by a restore).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { isCsvFormat, type CsvFormat } from '../../shared/export/csv';
import { db as defaultDb, type AdoptionDatabase } from '../db/database';
import { useDatabase } from '../db/DatabaseContext';
import { describeError, guardStorage } from '../db/errors';
import { desktop } from '../desktop';
import { useUi } from '../store/ui';

export const CSV_FORMAT_KEY = 'export.csvFormat';

async function readCsvFormat(database: AdoptionDatabase): Promise<CsvFormat> {
  const stored = (await database.settings.get(CSV_FORMAT_KEY))?.value;
  return isCsvFormat(stored) ? stored : 'comma';
}

/** The CSV dialect exports use; undefined while it is read. */
export function useCsvFormat(): CsvFormat | undefined {
  const database = useDatabase();
  return useLiveQuery(() => readCsvFormat(database), [database]);
}

/** Chooses the CSV dialect of every export on this machine. */
export async function setCsvFormat(format: CsvFormat, database: AdoptionDatabase = defaultDb): Promise<void> {
  if (!isCsvFormat(format)) throw new Error(`“${String(format)}” is not a CSV format`);
  await guardStorage(() => database.settings.put({ key: CSV_FORMAT_KEY, value: format }));
}

export interface CsvExport {
  /** The file's suggested name, e.g. `apps-2026-12-03.csv`. */
  fileName: string;
  /** The document, in the dialect asked for. */
  build: (format: CsvFormat) => string;
  /** What was exported, for the message: "1,204 apps". */
  what: string;
}

/** Returns the function an Export CSV button calls. */
export function useCsvExport(): (file: CsvExport) => Promise<void> {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  return async ({ fileName, build, what }) => {
    try {
      const format = await readCsvFormat(database);
      const result = await desktop.saveFile({
        suggestedName: fileName,
        content: build(format),
        mimeType: 'text/csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (result.status === 'saved') {
        toast({ kind: 'success', text: `Exported ${what}${result.path ? ` to ${result.path}` : ''}.` });
      }
    } catch (error) {
      toast({ kind: 'error', text: `The export failed: ${describeError(error)}` });
    }
  };
}
