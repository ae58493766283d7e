/**
 * What every import has in common, whatever the entity: a file refused whole
 * ({@link ImportFileError}), the rows or documents rejected one by one ({@link RejectedRow}), the
 * counts of a finished import, and the contract of an area's write (progress and cancel), so the
 * one import wizard (renderer/ui/import) can drive any area's import.
 */

export interface RejectedRow {
  /** "Row 7" (as a spreadsheet numbers it: the header is row 1), "Document 3", or "Document 1, item 5" (catalog API JSON). */
  location: string;
  /** The field as the user knows it, e.g. "Business value" or "metadata.name"; '' for the whole row. */
  field: string;
  problem: string;
}

/** Things left out on purpose, e.g. `{ reason: 'Empty rows', count: 2 }` or `{ reason: 'kind: API', count: 4 }`. */
export interface SkippedCount {
  reason: string;
  count: number;
}

/** What an import did, as its result screen shows it. */
export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  rejected: RejectedRow[];
  /** Values left empty in the records written (an optional cell that could not be read). */
  warnings?: RejectedRow[];
}

export interface ImportProgress {
  done: number;
  total: number;
}

/** What the wizard passes to an area's import command. */
export interface ImportApplyOptions {
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Aborting it cancels the import: the command throws an {@link ImportCanceledError} and writes nothing. */
  signal?: AbortSignal | undefined;
}

/**
 * The whole file is unusable (binary data, not a CSV, broken YAML, no name column, too large):
 * nothing from it is imported, and the message says why in words a user understands.
 */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** Thrown when the user cancels an import: the transaction rolls back and nothing is written. */
export class ImportCanceledError extends Error {
  constructor() {
    super('The import was canceled. Nothing was changed.');
    // Not 'AbortError': Dexie would turn a DOM exception name into its own error type.
    this.name = 'ImportCanceledError';
  }
}

/** The number of distinct rows or documents behind a list of rejections (a row may have several problems). */
export function rejectedRowCount(rejected: readonly RejectedRow[]): number {
  return new Set(rejected.map((r) => r.location)).size;
}
