/**
 * What an area contributes to the one import pipeline: its field list and how a row becomes one
 * of its records — an {@link EntityImport}. The reader (read/) knows nothing of entities; the
 * mapping (mapping.ts) and the re-import matching (matching.ts) know nothing of a particular one;
 * the wizard (renderer/ui/import) shows any of them. Apps are the first (apps/definition.ts);
 * people, blockers, survey responses and metric snapshots add theirs the same way.
 */
import type { z } from 'zod';
import type { RejectedRow, SkippedCount } from './types';
import type { ValueChoice, ValueMapping } from './values';

/** A cell read into a field's value, or what is wrong with it in words ("“7” is outside the 1 to 5 scale"). */
export type CellResult<T> = { value: T } | { problem: string };

/** Reads one non-empty, trimmed cell. */
export type CellParser<T> = (cell: string) => CellResult<T>;

/** One field a column can be mapped to. */
export interface ImportField<K extends string = string> {
  /** The key the mapping and {@link ImportRow} use, usually the record's property. */
  field: K;
  /** As the user knows it: the mapping form's label, the preview's column, a rejected row's field. */
  label: string;
  /** A row without it is rejected, and a file without a column for it cannot be imported. */
  required: boolean;
  /** Header names this field is guessed from, best first; compared without case, spaces or punctuation. */
  synonyms: readonly string[];
  /** Reads a non-empty cell into the field's value; without one the value is the cell's text. */
  parse?: CellParser<unknown>;
  /** The problem of a required field's empty cell; default "is empty; it is required". */
  whenEmpty?: string;
  /**
   * The values a text the parser cannot read may be mapped to by the user (values.ts): the
   * scores 1–5, the stages. Fields without choices take their cells as they are.
   */
  choices?: readonly ValueChoice[];
  /** The choice a text most likely stands for ("1 - Mission Critical" → 5), for the first mapping. */
  suggest?(text: string): string | number | undefined;
}

/** One data row as a definition's `toRecord` sees it: every cell already read without a problem. */
export interface ImportRow<K extends string = string> {
  /** The cell's trimmed text; '' when it is empty or no column is mapped to the field. */
  text(field: K): string;
  /** The value the field's parser read; undefined when the cell is empty or not mapped. */
  value<V>(field: K): V | undefined;
}

/**
 * One key re-imports match records on (an external id, a name). The keys of a definition go
 * strongest first; see matching.ts for how they combine.
 */
export interface MatchKey<T, E> {
  /** In words, for a duplicate row's problem: "same external id". */
  name: string;
  /** The field the key is read from, which names a duplicate row's problem. */
  field: string;
  /** The record's key, or null when it has none. */
  ofRecord(record: T): string | null;
  /** A stored record's key, or null when it has none. */
  ofStored(stored: E): string | null;
}

/**
 * An entity's import: `T` is the record a row becomes (what the area's import command writes),
 * `K` the field keys, `E` what matching needs to know of a stored record.
 */
export interface EntityImport<T, K extends string = string, E extends { id: string } = { id: string }> {
  /** The record in words: `{ one: 'app', many: 'apps' }`. */
  noun: { one: string; many: string };
  /** The fields, in the order the mapping form shows them. */
  fields: readonly ImportField<K>[];
  /** Builds the record of a row none of whose cells has a problem. */
  toRecord(row: ImportRow<K>): T;
  /**
   * The last check of every record, with the stored entity's limits and messages; an issue whose
   * path starts with a field key is reported under that field's label.
   */
  schema?: z.ZodType;
  /** How a re-import finds the stored record a row updates: keys strongest first; none: every row creates. */
  matchBy: readonly MatchKey<T, E>[];
  /**
   * Says that no column is mapped to a required field, and how to fix it; the reader adds the
   * file's columns. Default: "The file has no column for “Label”. Choose which column holds it."
   */
  noColumn?(field: ImportField<K>): string;
}

/** Column index per field; a field without an entry is not imported. */
export type ColumnMapping<K extends string = string> = Partial<Record<K, number>>;

/** A record with where it came from: "Row 7", "Document 3". */
export type Located<T> = T & { location: string };

/** A file read into an entity's records: the good ones, the rejected rows, what was skipped on purpose. */
export interface ParsedRecords<T> {
  records: Located<T>[];
  rejected: RejectedRow[];
  skipped: SkippedCount[];
  /** Cells left empty in rows that are imported: an optional field's value that could not be read. */
  warnings?: RejectedRow[];
  /** The texts read through the user's choices (values.ts), per mapped field: what the rows were read with. */
  values?: ValueMapping;
}

/** What an import will do against what is stored (matching.ts); an area's plan may add to it. */
export interface RecordPlan<T> {
  creates: Located<T>[];
  updates: { id: string; record: Located<T> }[];
  /** The reader's rejections, then the duplicates found in the file. */
  rejected: RejectedRow[];
  /** Rows or documents left out on purpose (empty rows, other entity kinds). */
  skipped: number;
  /** Values left empty in the rows the plan imports (not in rejected or duplicate ones). */
  warnings?: RejectedRow[];
  /** The value mapping the rows were read with, so the plan says what each text became. */
  values?: ValueMapping;
}
