/**
 * Metric snapshots from a CSV (speeds and feeds read off the platform's dashboards), in either
 * shape a spreadsheet holds them, told apart by the header:
 * - long: one reading a row, `date,metric,value` (any of their usual names, any order);
 * - wide: a date column, then one column per metric (`date,Clusters,Servers,Running memory (GB)`).
 *
 * The file goes straight to records (no column mapping: the header names the metrics), and every
 * problem is reported by row, as a spreadsheet numbers them (the header is row 1): a date that is
 * not yyyy-MM-dd or is in the future, a value that is not a number or is negative, a metric the
 * program does not have (listed, so the import can offer to create it), and two readings of one
 * metric on one date (the later row wins; the earlier is reported). A row with any problem is
 * left out whole. planMetricImport then sets the records against what is stored.
 */
import { metricKeyOf, metricNameKey } from '../../domain/metric-series';
import type { IsoDate } from '../../domain/dates';
import { parseDateCell, plainDecimal, quoted, unescapeFormulaCell } from '../cells';
import type { Located, ParsedRecords, RecordPlan } from '../definition';
import { rowLocation } from '../mapping';
import type { ParsedCsv } from '../read/csv';
import { ImportFileError, type RejectedRow } from '../types';

/** A metric the program has, as the import matches names against it. */
export interface KnownMetric {
  key: string;
  name: string;
  unit: string;
}

/** One reading in the file. */
export interface MetricCsvRecord {
  date: IsoDate;
  /** The metric as the file names it. */
  metricName: string;
  /** The program's metric it names; null for a metric the program does not have. */
  metricKey: string | null;
  /** For an unknown metric: the unit its wide column names ("Cores" in "CPU (cores)"), else ''. */
  unit: string;
  value: number;
}

export type MetricCsvShape = 'long' | 'wide';

/** A metric the file names that the program does not have, with the rows that name it. */
export interface UnknownMetric {
  name: string;
  key: string;
  unit: string;
  rows: number;
}

export interface MetricCsvReading extends ParsedRecords<MetricCsvRecord> {
  shape: MetricCsvShape;
  /** The metrics the file names that the program does not have, in file order. */
  unknown: UnknownMetric[];
}

const normalize = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '');
const DATE_NAMES = ['date', 'day', 'asof', 'asat', 'recordedon', 'readon', 'snapshotdate', 'when'].map(
  normalize,
);
const METRIC_NAMES = ['metric', 'metricname', 'measure', 'kpi', 'name', 'series'].map(normalize);
const VALUE_NAMES = ['value', 'reading', 'amount', 'count', 'number', 'total'].map(normalize);

const MAX_VALUE = 1e15;

/**
 * A metric's value as typed or imported: a plain decimal ("12480", "3.5", "3,5" in a European
 * file). Thousands separators, signs and exponents are refused with a message that says what to
 * type; a negative value is refused as one (no metric of speeds and feeds goes below zero).
 */
export function parseMetricValue(text: string): { value: number } | { problem: string } {
  const cell = text.trim();
  if (cell === '') return { problem: 'is empty' };
  const value = plainDecimal(cell);
  if (value !== null) {
    return value > MAX_VALUE ? { problem: `${quoted(cell)} is too large` } : { value };
  }
  if (/^-\s*\d/.test(cell) || (cell.startsWith('−') && /\d/.test(cell)))
    return { problem: `${quoted(cell)} is negative; a metric counts or measures, so it cannot be below 0` };
  return { problem: `${quoted(cell)} is not a number; type digits with a decimal point, e.g. 12480 or 3.5` };
}

/** A wide column's header split into the metric's name and the unit in brackets: "Memory (GB)". */
function splitUnit(header: string): { name: string; unit: string } {
  const match = /^(.*?)\s*[([]\s*([^()[\]]*?)\s*[)\]]\s*$/.exec(header);
  return match && match[1] ? { name: match[1], unit: match[2] ?? '' } : { name: header, unit: '' };
}

/** Finds a program's metric by a name the file uses: its name or key, with or without a "(unit)". */
function metricMatcher(metrics: readonly KnownMetric[]) {
  const byName = new Map<string, KnownMetric>();
  for (const m of metrics) {
    for (const name of [m.name, m.key])
      if (!byName.has(metricNameKey(name))) byName.set(metricNameKey(name), m);
  }
  return (text: string): KnownMetric | null =>
    byName.get(metricNameKey(text)) ?? byName.get(metricNameKey(splitUnit(text).name)) ?? null;
}

/** Which shape the header says, and where its columns are; throws an ImportFileError when neither. */
export function detectShape(
  headers: readonly string[],
):
  | { shape: 'long'; date: number; metric: number; value: number }
  | { shape: 'wide'; date: number; metrics: number[] } {
  const names = headers.map(normalize);
  const find = (choices: readonly string[], skip: number[] = []) => {
    for (const choice of choices) {
      const i = names.findIndex((n, at) => n === choice && !skip.includes(at));
      if (i >= 0) return i;
    }
    return -1;
  };
  const date = find(DATE_NAMES);
  const shown = headers
    .filter((h) => h !== '')
    .slice(0, 8)
    .map((h) => `“${h}”`)
    .join(', ');
  if (date < 0) {
    throw new ImportFileError(
      `The file has no date column. Name one column “Date” (dates as yyyy-MM-dd), then either “Metric” and “Value” columns, or one column per metric. Its columns are: ${shown}.`,
    );
  }
  const metric = find(METRIC_NAMES, [date]);
  const value = find(VALUE_NAMES, [date, metric]);
  if (metric >= 0 && value >= 0) return { shape: 'long', date, metric, value };
  const metrics = headers.map((h, i) => (i !== date && h.trim() !== '' ? i : -1)).filter((i) => i >= 0);
  if (metrics.length === 0) {
    throw new ImportFileError(
      `The file has a date column but no metric: add one column per metric (e.g. “Clusters”, “Servers”), or “Metric” and “Value” columns. Its columns are: ${shown}.`,
    );
  }
  return { shape: 'wide', date, metrics };
}

/**
 * Reads a CSV table of metric readings (see the module comment). `today` bounds the dates: a
 * reading cannot be of a day still to come.
 */
export function readMetricsTable(
  table: Pick<ParsedCsv, 'headers' | 'rows'>,
  metrics: readonly KnownMetric[],
  today: IsoDate,
): MetricCsvReading {
  const layout = detectShape(table.headers);
  const match = metricMatcher(metrics);
  const out: MetricCsvReading = { shape: layout.shape, unknown: [], records: [], rejected: [], skipped: [] };
  const unknown = new Map<string, UnknownMetric>();
  // Where each metric+date was last read: the later row replaces the earlier.
  const seen = new Map<string, { index: number; location: string }>();
  let blankRows = 0;
  let emptyCells = 0;
  let noValueRows = 0;

  const resolve = (text: string) => {
    const known = match(text);
    if (known) return { metricName: known.name, metricKey: known.key, unit: '' };
    const split = layout.shape === 'wide' ? splitUnit(text) : { name: text, unit: '' };
    const key = metricNameKey(split.name);
    let entry = unknown.get(key);
    if (!entry)
      unknown.set(
        key,
        (entry = { name: split.name, key: metricKeyOf(split.name), unit: split.unit, rows: 0 }),
      );
    entry.rows++;
    return { metricName: entry.name, metricKey: null, unit: entry.unit };
  };

  table.rows.forEach((raw, i) => {
    const location = rowLocation(i);
    const cells = raw.map((c) => unescapeFormulaCell((c ?? '').trim()));
    if (cells.every((c) => c === '')) {
      blankRows++;
      return;
    }
    const problems: RejectedRow[] = [];
    const dateText = cells[layout.date] ?? '';
    let date: IsoDate | null = null;
    if (dateText === '')
      problems.push({ location, field: 'Date', problem: 'is empty; every reading needs its date' });
    else {
      const read = parseDateCell(dateText);
      if ('problem' in read) problems.push({ location, field: 'Date', problem: read.problem });
      else if (read.value > today)
        problems.push({
          location,
          field: 'Date',
          problem: `${quoted(dateText)} is in the future; a reading is of a day that has been`,
        });
      else date = read.value;
    }

    const readings: { metricText: string; valueText: string }[] = [];
    if (layout.shape === 'long') {
      const metricText = cells[layout.metric] ?? '';
      if (metricText === '')
        problems.push({ location, field: 'Metric', problem: 'is empty; name the metric this value is of' });
      else readings.push({ metricText, valueText: cells[layout.value] ?? '' });
    } else {
      const empty = layout.metrics.filter((column) => (cells[column] ?? '') === '').length;
      // A row with no value at all is counted once, as a row; else its empty cells are.
      if (empty < layout.metrics.length) emptyCells += empty;
      for (const column of layout.metrics) {
        const valueText = cells[column] ?? '';
        if (valueText !== '') readings.push({ metricText: table.headers[column]!, valueText });
      }
    }

    const records: MetricCsvRecord[] = [];
    for (const { metricText, valueText } of readings) {
      const read = parseMetricValue(valueText);
      const field = layout.shape === 'long' ? 'Value' : metricText;
      if ('problem' in read) {
        problems.push({
          location,
          field,
          problem: read.problem === 'is empty' ? 'is empty; give the reading’s value' : read.problem,
        });
        continue;
      }
      if (date !== null) records.push({ date, value: read.value, ...resolve(metricText) });
    }
    if (problems.length > 0) {
      out.rejected.push(...problems);
      return;
    }
    if (records.length === 0) {
      // A wide row with a date and no value at all: nothing to read.
      noValueRows++;
      return;
    }
    for (const record of records) {
      const key = `${record.metricKey ?? `?${metricNameKey(record.metricName)}`}|${record.date}`;
      const earlier = seen.get(key);
      if (earlier) {
        out.rejected.push({
          location: earlier.location,
          field: layout.shape === 'long' ? 'Date' : record.metricName,
          problem: `${record.metricName} on ${record.date} is read again in ${location}; the later row wins`,
        });
        out.records[earlier.index] = null as unknown as Located<MetricCsvRecord>;
      }
      seen.set(key, { index: out.records.length, location });
      out.records.push({ ...record, location });
    }
  });

  out.records = out.records.filter((r) => r !== null);
  out.unknown = [...unknown.values()];
  if (blankRows > 0)
    out.skipped.push({ reason: blankRows === 1 ? 'Empty row' : 'Empty rows', count: blankRows });
  if (noValueRows > 0)
    out.skipped.push({
      reason: noValueRows === 1 ? 'Row with a date and no value' : 'Rows with a date and no value',
      count: noValueRows,
    });
  if (emptyCells > 0)
    out.skipped.push({ reason: emptyCells === 1 ? 'Empty cell' : 'Empty cells', count: emptyCells });
  return out;
}

/** A stored snapshot, as the plan compares with it. */
export interface StoredReading {
  id: string;
  metricKey: string;
  date: IsoDate;
  value: number;
}

export interface MetricImportPlan extends RecordPlan<MetricCsvRecord> {
  /** The metrics the import creates (the unknown ones, when the user chose to create them). */
  newMetrics: UnknownMetric[];
  /** Readings the file has that are stored already with the same value. */
  unchanged: number;
}

export interface MetricPlanOptions {
  /** Create the metrics the file names that the program does not have. */
  createUnknown: boolean;
  /** Metrics whose values are counted, not typed ("Production apps" from the Apps area). */
  derivedKeys?: readonly string[];
  /** Their names, for the message. */
  nameOf?: (key: string) => string;
}

/**
 * What importing `reading` does against what is stored: new readings, readings that replace the
 * stored value of their metric on their date, the unknown metrics to create (or, when the user
 * chose not to, their rows rejected), and readings of a counted metric refused.
 */
export function planMetricImport(
  reading: MetricCsvReading,
  stored: readonly StoredReading[],
  options: MetricPlanOptions,
): MetricImportPlan {
  const byKey = new Map<string, StoredReading>();
  for (const s of stored) byKey.set(`${s.metricKey}|${s.date}`, s);
  const derived = new Set(options.derivedKeys ?? []);
  const plan: MetricImportPlan = {
    creates: [],
    updates: [],
    rejected: [...reading.rejected],
    skipped: reading.skipped.reduce((n, s) => n + s.count, 0),
    newMetrics: options.createUnknown ? [...reading.unknown] : [],
    unchanged: 0,
  };
  const newKeys = new Map(plan.newMetrics.map((m) => [metricNameKey(m.name), m.key]));
  const refused = new Set<string>();
  for (const record of reading.records) {
    let key = record.metricKey;
    if (key === null) {
      key = newKeys.get(metricNameKey(record.metricName)) ?? null;
      if (key === null) {
        plan.rejected.push({
          location: record.location,
          field: reading.shape === 'long' ? 'Metric' : record.metricName,
          problem: `${quoted(record.metricName)} is not one of the program’s metrics; choose to create it, or rename it to one of them`,
        });
        continue;
      }
    }
    if (derived.has(key)) {
      if (!refused.has(record.location)) {
        refused.add(record.location);
        plan.rejected.push({
          location: record.location,
          field: reading.shape === 'long' ? 'Metric' : record.metricName,
          problem: `${options.nameOf?.(key) ?? record.metricName} is counted from the Apps area; switch it to typed-in values on the Metrics screen to import it`,
        });
      }
      continue;
    }
    const located = { ...record, metricKey: key };
    const existing = byKey.get(`${key}|${record.date}`);
    if (!existing) plan.creates.push(located);
    else if (existing.value === record.value) plan.unchanged++;
    else plan.updates.push({ id: existing.id, record: located });
  }
  plan.skipped += plan.unchanged;
  return plan;
}
