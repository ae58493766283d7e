/**
 * From a table (a CSV's header and rows) to an entity's records, for any {@link EntityImport}:
 * guess which column holds which field from the header names, then read every data row with the
 * user's mapping into a record or into the reasons it was rejected, numbered as a spreadsheet
 * shows the rows (the header is row 1). A row with any problem is rejected as a whole, with one
 * {@link RejectedRow} per problem; blank rows are skipped and counted. Empty cells are left out of
 * the record (undefined), so that an import never blanks out a stored value.
 *
 * A cell of an optional field that cannot be read does not cost the row: the field is left empty
 * and the row carries a warning. Texts the user mapped to a value (values.ts) are read as that
 * value; a text mapped to nothing ("Leave empty") is left empty with its warning, like any other.
 */
import { unescapeFormulaCell } from './cells';
import type { ColumnMapping, EntityImport, ImportField, ImportRow, ParsedRecords } from './definition';
import type { ParsedCsv } from './read/csv';
import { ImportFileError, type RejectedRow } from './types';
import type { ValueMapping } from './values';

function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * A first guess at the mapping from the header names: each field, in order, takes the first column
 * whose name is one of its synonyms (ignoring case, spaces and punctuation, and then a trailing
 * "(…)" such as "Business value (1–5)"); a column is used for one field at most.
 */
export function guessMapping<K extends string>(
  fields: readonly ImportField<K>[],
  headers: readonly string[],
): ColumnMapping<K> {
  const exact = headers.map(normalizeHeader);
  const loose = headers.map((h) => normalizeHeader(h.replace(/\([^()]*\)/g, '')));
  const used = new Set<number>();
  const mapping: ColumnMapping<K> = {};
  for (const info of fields) {
    const synonyms = info.synonyms.map(normalizeHeader);
    const find = (names: string[]) => {
      for (const synonym of synonyms) {
        const index = names.findIndex((n, i) => n === synonym && !used.has(i));
        if (index >= 0) return index;
      }
      return -1;
    };
    let index = find(exact);
    if (index < 0) index = find(loose);
    if (index >= 0) {
      mapping[info.field] = index;
      used.add(index);
    }
  }
  return mapping;
}

function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** "Row 7" for the data row at `index` (the header is row 1). */
export function rowLocation(index: number): string {
  return `Row ${index + 2}`;
}

/**
 * Reads the data rows into records of `definition` with the given mapping (see the module
 * comment). Throws an {@link ImportFileError} when a required field has no column: the message
 * says which, and lists the file's columns.
 */
export function mapRows<T, K extends string, E extends { id: string }>(
  definition: EntityImport<T, K, E>,
  table: Pick<ParsedCsv, 'headers' | 'rows'>,
  mapping: ColumnMapping<K>,
  values: ValueMapping<K> = {},
): ParsedRecords<T> {
  const columnCount = table.headers.length;
  const columnOf = (field: K): number | undefined => {
    const index = mapping[field];
    return index !== undefined && Number.isInteger(index) && index >= 0 && index < columnCount
      ? index
      : undefined;
  };
  const missing = definition.fields.find((f) => f.required && columnOf(f.field) === undefined);
  if (missing) {
    const shown = table.headers.filter((h) => h !== '').slice(0, 8);
    const advice =
      definition.noColumn?.(missing) ??
      `The file has no column for “${missing.label}”. Choose which column holds it.`;
    throw new ImportFileError(
      `${advice} Its columns are: ${shown.map((h) => `“${h}”`).join(', ')}` +
        (table.headers.length > shown.length ? ', …' : '') +
        '.',
    );
  }

  const columns = definition.fields.map((info) => ({ info, index: columnOf(info.field) }));
  // Only the choices of fields that have a column are used, and kept with the records.
  const chosen: ValueMapping<K> = {};
  for (const { info, index } of columns) {
    const own = values[info.field];
    if (index !== undefined && own) chosen[info.field] = own;
  }
  const labels = new Map<string, string>(definition.fields.map((f) => [f.field, f.label]));
  const out: ParsedRecords<T> = { records: [], rejected: [], skipped: [], warnings: [], values: chosen };
  let blankRows = 0;

  table.rows.forEach((cells, i) => {
    const location = rowLocation(i);
    if (isBlankRow(cells)) {
      blankRows++;
      return;
    }
    const problems: RejectedRow[] = [];
    const warnings: RejectedRow[] = [];
    const texts: Partial<Record<K, string>> = {};
    const fieldValues: Partial<Record<K, unknown>> = {};
    for (const { info, index } of columns) {
      const text = index === undefined ? '' : unescapeFormulaCell((cells[index] ?? '').trim());
      if (text === '') {
        if (info.required)
          problems.push({
            location,
            field: info.label,
            problem: info.whenEmpty ?? 'is empty; it is required',
          });
        continue;
      }
      const mapped = chosen[info.field];
      const value = mapped && Object.hasOwn(mapped, text) ? mapped[text] : null;
      if (value !== null && value !== undefined) {
        // The chosen value goes through the field's reader like any cell, so it is checked too.
        const read = info.parse ? info.parse(String(value)) : { value: String(value) };
        if ('value' in read) {
          texts[info.field] = text;
          fieldValues[info.field] = read.value;
          continue;
        }
      }
      if (!info.parse) {
        texts[info.field] = text;
        fieldValues[info.field] = text;
        continue;
      }
      const read = info.parse(text);
      if ('value' in read) {
        texts[info.field] = text;
        fieldValues[info.field] = read.value;
      } else if (info.required) problems.push({ location, field: info.label, problem: read.problem });
      else warnings.push({ location, field: info.label, problem: `${read.problem}; left empty` });
    }

    let record: T | undefined;
    if (problems.length === 0) {
      const row: ImportRow<K> = {
        text: (field) => texts[field] ?? '',
        value: <V>(field: K) => fieldValues[field] as V | undefined,
      };
      record = definition.toRecord(row);
      const checked = definition.schema?.safeParse(record);
      if (checked && !checked.success) {
        for (const issue of checked.error.issues) {
          const key = issue.path[0];
          problems.push({
            location,
            field: typeof key === 'string' ? (labels.get(key) ?? '') : '',
            problem: issue.message,
          });
        }
      }
    }

    if (problems.length > 0 || record === undefined) out.rejected.push(...problems);
    else {
      out.records.push({ ...record, location });
      out.warnings!.push(...warnings);
    }
  });

  if (blankRows > 0)
    out.skipped.push({ reason: blankRows === 1 ? 'Empty row' : 'Empty rows', count: blankRows });
  return out;
}
