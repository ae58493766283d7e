/**
 * How an area plugs into the one import wizard: its entity definition (shared/import/definition),
 * the kinds of file it takes (sources), how a file's records are planned against what is stored,
 * and its import command. The wizard knows nothing else about the area.
 */
import type { EntityImport, Located, ParsedRecords, RecordPlan } from '../../../shared/import/definition';
import type { ParsedCsv } from '../../../shared/import/read/csv';
import type { FileContent } from '../../../shared/import/read/text';
import type { ImportApplyOptions, ImportResult } from '../../../shared/import/types';
import type { FileFilter } from '../../../shared/ipc/contract';
import type { ReactNode } from 'react';
import type { ChangeSet } from '../../db/changes';

/** A file the user chose or dropped. */
export interface LoadedFile {
  name: string;
  /** In bytes, as the file system reports it. */
  size: number;
  /** Its bytes (a dropped file), or its text (the file dialog decodes it). */
  content: FileContent;
}

/** A count and what it counts ("3 new teams"); `bad` marks one that needs attention. */
export interface Fact {
  label: string;
  count: number;
  bad?: boolean;
}

interface SourceBase {
  /** Unique among the wizard's sources. */
  id: string;
  /** The choice, when there are several: "CSV file". */
  label: string;
  /** One line on what the file holds. */
  hint: string;
  /** The open dialog's title. */
  dialogTitle: string;
  filters: FileFilter[];
}

/** A table (CSV): the user maps its columns to the definition's fields, then previews every row. */
export interface TableSource extends SourceBase {
  kind: 'table';
  /** Reads the file into a table; default: shared/import/read/csv parseCsvFile. */
  read?(file: LoadedFile): ParsedCsv;
}

/** A file whose structure says what it holds (a Backstage catalog): read straight into records. */
export interface RecordsSource<T, R extends ParsedRecords<T>, P> extends SourceBase {
  kind: 'records';
  /** Reads the whole file; throws an ImportFileError when the file is unusable. */
  read(file: LoadedFile): RecordsReading<R>;
  /**
   * Reads several files chosen (or dropped) together as one (a catalog's Location and the files
   * it names); when given, the open dialog lets the user pick several files.
   */
  readMany?(files: LoadedFile[]): RecordsReading<R>;
  /** The step's heading: "Backstage catalog". */
  heading: string;
  /** The preview's columns, where the record is in the file usually first. */
  columns: readonly PreviewColumn<T>[];
  /** The heading of the rejected list: "Documents that will not be imported". */
  rejectedTitle: string;
  /** The import button's label; default "Import 3 apps". */
  importLabel?(plan: P): string;
}

export interface RecordsReading<R> {
  parsed: R;
  /** What the file holds, before it is planned ("4 components", "1 document rejected"). */
  facts: Fact[];
  /** A line on what was left out and why. */
  note?: string;
}

export interface PreviewColumn<T> {
  label: string;
  value(record: Located<T>): string;
}

export type ImportSource<T, R extends ParsedRecords<T>, P> = TableSource | RecordsSource<T, R, P>;

/** What a wizard whose every source reads records (no column mapping) needs of the entity. */
export type RecordsDefinition = Pick<EntityImport<unknown>, 'noun'>;

/** Whether a definition can map a table's rows (it has fields and toRecord), not only name the records. */
export function mapsTables<T>(
  definition: EntityImport<T> | RecordsDefinition,
): definition is EntityImport<T> {
  return 'toRecord' in definition;
}

/**
 * One area's import. `T` is its record, `P` its plan, `Res` its command's result, `R` what its
 * records sources read (a table always reads into plain {@link ParsedRecords}).
 */
export interface ImportWizardConfig<
  T,
  P extends RecordPlan<T>,
  Res extends ImportResult,
  R extends ParsedRecords<T> = ParsedRecords<T>,
> {
  /** The section's name and first heading: "Import apps". */
  title: string;
  /**
   * The entity: its fields and how a mapped row becomes a record, which a table source needs; a
   * wizard whose every source reads records (nothing mapped) gives only the noun.
   */
  definition: EntityImport<T> | RecordsDefinition;
  /** The kinds of file, the first chosen by default. */
  sources: readonly ImportSource<T, R, P>[];
  /** What the import will do against what is stored; memoize the config so this reruns only when that changes. */
  plan(parsed: ParsedRecords<T> | R): P;
  /** Counts of the plan besides new, updated, rejected and skipped ("new teams"); they are work to do too. */
  planFacts?(plan: P): Fact[];
  /**
   * The area's choices about the plan, shown under what the import will do (e.g. "Create the 2
   * teams the file names"); a choice changes the config, so `plan` runs again.
   */
  planOptions?(plan: P): ReactNode;
  /** The area's import command: one transaction, progress, cancel by the signal, and its undo. */
  apply(plan: P, options: ImportApplyOptions): Promise<Res & { undo?: ChangeSet }>;
  /** Counts of the result besides created, updated, skipped and rejected ("teams created"). */
  resultFacts?(result: Res): Fact[];
  /** A line under the file button, e.g. how re-imports match. */
  note?: string;
  /** Where to see the imported records, offered with the result. */
  doneLink?: { href: string; label: string };
}
