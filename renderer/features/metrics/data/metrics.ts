/**
 * The Metrics area's writes: the program's own metrics (add, rename, change the unit, retire and
 * bring back), where "Production apps" comes from (typed in, or counted from the Apps area), and
 * the grid's cells (a metric's value on a date, set or cleared) and rows (every reading of a date,
 * deleted). Each validates before it writes, writes in ONE transaction through recordChanges and
 * returns the ChangeSet that undoes it.
 *
 * The built-in metrics are columns from the first start; their records are created by the first
 * write that needs one (a value typed, a source chosen), so a new program's database holds only
 * what the user did.
 */
import {
  BUILT_IN_METRICS,
  metricInputSchema,
  metricKeyOf,
  metricNameKey,
  metricSnapshotInputSchema,
  PRODUCTION_APPS_KEY,
  ValidationError,
  type IsoDate,
  type Metric,
  type MetricSnapshot,
  type MetricSource,
} from '../../../../shared/domain';
import { formatMetricValue } from '../../../../shared/domain/metric-series';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate, RecordNotFoundError } from '../../../db/repository';

const TABLES = ['metrics', 'metricSnapshots'] as const;

export interface MetricCommandResult {
  metric: Metric;
  undo: ChangeSet;
}

/** A cell saved from a screen whose value was changed elsewhere (another window) meanwhile. */
export class CellChangedElsewhereError extends Error {
  constructor(name: string, date: IsoDate, now: number | null) {
    super(
      `${name} on ${date} was changed elsewhere meanwhile (it is ${now === null ? 'empty' : formatMetricValue(now)} now); nothing was saved. Look at it and type the value again.`,
    );
    this.name = 'CellChangedElsewhereError';
  }
}

/** The stored metric of a key, or for a built-in one not stored yet, a new record (not written). */
async function metricOfKey(
  database: AdoptionDatabase,
  key: string,
): Promise<{ metric: Metric; stored: boolean }> {
  const stored = await database.metrics.where('key').equals(key).first();
  if (stored) return { metric: stored, stored: true };
  const builtIn = BUILT_IN_METRICS.find((m) => m.key === key);
  if (!builtIn) throw new RecordNotFoundError('Metric', key);
  const metric = buildRecord(
    metricInputSchema,
    {
      key: builtIn.key,
      name: builtIn.name,
      unit: builtIn.unit,
      builtIn: true,
      retired: false,
      source: 'manual',
    },
    'The metric',
  ) as Metric;
  return { metric, stored: false };
}

/** The names taken by other metrics (stored, and built-in ones not stored yet), by their loose key. */
async function takenNames(database: AdoptionDatabase, except: string | null): Promise<Map<string, string>> {
  const stored = await database.metrics.toArray();
  const names = new Map<string, string>();
  for (const m of stored) if (m.key !== except) names.set(metricNameKey(m.name), m.name);
  for (const m of BUILT_IN_METRICS) {
    if (m.key !== except && !stored.some((s) => s.key === m.key)) names.set(metricNameKey(m.name), m.name);
  }
  return names;
}

export interface MetricFields {
  name: string;
  unit: string;
}

/** Checks a metric's name and unit as the form has them: both required, the name not another metric's. */
async function checkFields(database: AdoptionDatabase, fields: Partial<MetricFields>, except: string | null) {
  const problems = [];
  if (fields.name !== undefined) {
    const name = fields.name.trim();
    if (name === '') problems.push({ field: 'name', message: 'Metric name is required' });
    const other = (await takenNames(database, except)).get(metricNameKey(name));
    if (name && other)
      problems.push({ field: 'name', message: `A metric is already named “${other}”; choose another name` });
    if (name && metricNameKey(name) === '')
      problems.push({ field: 'name', message: 'Metric name needs a letter or a digit' });
  }
  if (fields.unit !== undefined && fields.unit.trim() === '')
    problems.push({ field: 'unit', message: 'Unit is required (e.g. GB, per day, nodes)' });
  if (problems.length) throw new ValidationError(problems, 'The metric');
}

/** Adds one of the user's own metrics, with a unit. */
export async function addMetric(
  fields: MetricFields,
  database: AdoptionDatabase = defaultDb,
): Promise<MetricCommandResult> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (m: Metric) => `Added the metric “${m.name}”`,
    async (writer) => {
      await checkFields(database, fields, null);
      const base = metricKeyOf(fields.name);
      let key = base;
      for (let n = 2; (await database.metrics.where('key').equals(key).count()) > 0; n++)
        key = `${base}-${n}`;
      const metric = buildRecord(
        metricInputSchema,
        { key, name: fields.name, unit: fields.unit, builtIn: false, retired: false, source: 'manual' },
        'The metric',
      ) as Metric;
      await writer.add('metrics', [metric]);
      return metric;
    },
  );
  return { metric: result, undo };
}

/**
 * Renames a metric or changes its unit (a built-in one too: "Servers" may be "Nodes" here). Only
 * the fields given change; `expected` holds their values when the form opened, and the save is
 * refused when one was changed elsewhere meanwhile.
 */
export async function editMetric(
  request: { key: string; patch: Partial<MetricFields>; expected?: Partial<MetricFields> },
  database: AdoptionDatabase = defaultDb,
): Promise<MetricCommandResult> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (m: Metric) => `Edited the metric “${m.name}”`,
    async (writer) => {
      const { metric, stored } = await metricOfKey(database, request.key);
      for (const field of ['name', 'unit'] as const) {
        const expected = request.expected?.[field];
        if (expected !== undefined && expected.trim() !== metric[field]) {
          throw new ValidationError(
            [
              {
                field,
                message: `The ${field} was changed elsewhere meanwhile to “${metric[field]}”; nothing was saved`,
              },
            ],
            'The metric',
          );
        }
      }
      await checkFields(database, request.patch, request.key);
      const next = buildUpdate(metricInputSchema, metric, request.patch, 'The metric') as Metric;
      if (stored) await writer.put('metrics', [next]);
      else await writer.add('metrics', [next]);
      return next;
    },
  );
  return { metric: result, undo };
}

/** Retires a metric (its column and tile go; its snapshots stay), or brings it back. */
export async function setMetricRetired(
  key: string,
  retired: boolean,
  database: AdoptionDatabase = defaultDb,
): Promise<MetricCommandResult> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (m: Metric) => `${retired ? 'Retired' : 'Brought back'} the metric “${m.name}”`,
    async (writer) => {
      const { metric, stored } = await metricOfKey(database, key);
      const next = buildUpdate(metricInputSchema, metric, { retired }, 'The metric') as Metric;
      if (stored) await writer.put('metrics', [next]);
      else await writer.add('metrics', [next]);
      return next;
    },
  );
  return { metric: result, undo };
}

/** Where "Production apps" comes from: typed in, or counted from the Apps area's production dates. */
export async function setProductionAppsSource(
  source: MetricSource,
  database: AdoptionDatabase = defaultDb,
): Promise<MetricCommandResult> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    () =>
      source === 'apps' ? 'Counted production apps from the Apps area' : 'Typed in production apps by hand',
    async (writer) => {
      const { metric, stored } = await metricOfKey(database, PRODUCTION_APPS_KEY);
      const next = buildUpdate(metricInputSchema, metric, { source }, 'The metric') as Metric;
      if (stored) await writer.put('metrics', [next]);
      else await writer.add('metrics', [next]);
      return next;
    },
  );
  return { metric: result, undo };
}

export interface SetCellRequest {
  metricKey: string;
  date: IsoDate;
  /** The new value; null clears the cell (deletes the snapshot). */
  value: number | null;
  /** The value the grid showed when editing began: refused when the stored one differs now. */
  expected?: number | null;
  /** Today: a reading cannot be of a day to come. */
  today: IsoDate;
}

/**
 * Sets a metric's value on a date (creating, replacing or deleting its snapshot). Refused with a
 * message at the value: a negative or non-finite value, a date in the future, a metric counted
 * from the apps, a cell changed elsewhere since the grid showed it.
 */
export async function setCell(
  request: SetCellRequest,
  database: AdoptionDatabase = defaultDb,
): Promise<{ snapshot: MetricSnapshot | null; undo: ChangeSet }> {
  let name = request.metricKey;
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (s: MetricSnapshot | null) =>
      s
        ? `Set ${name} on ${request.date} to ${formatMetricValue(s.value)}`
        : `Cleared ${name} on ${request.date}`,
    async (writer) => {
      if (request.date > request.today) {
        throw new ValidationError(
          [
            {
              field: 'date',
              message: `${request.date} is in the future; a reading is of a day that has been`,
            },
          ],
          'The value',
        );
      }
      const { metric, stored } = await metricOfKey(database, request.metricKey);
      name = metric.name;
      if (metric.source === 'apps') {
        throw new ValidationError(
          [
            {
              field: 'value',
              message: `${metric.name} is counted from the Apps area; switch it to typed-in values to type one`,
            },
          ],
          'The value',
        );
      }
      const existing = await database.metricSnapshots
        .where('[metricId+date]')
        .equals([metric.id, request.date])
        .toArray();
      const current = existing.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? null;
      if (request.expected !== undefined && (current?.value ?? null) !== request.expected) {
        throw new CellChangedElsewhereError(metric.name, request.date, current?.value ?? null);
      }
      if (request.value === null) {
        await writer.delete(
          'metricSnapshots',
          existing.map((s) => s.id),
        );
        return null;
      }
      if (!stored) await writer.add('metrics', [metric]);
      if (current) {
        const next = buildUpdate(
          metricSnapshotInputSchema,
          current,
          { value: request.value },
          'The value',
        ) as MetricSnapshot;
        await writer.put('metricSnapshots', [next]);
        // Two snapshots of one cell (written in two windows at once) become one.
        await writer.delete(
          'metricSnapshots',
          existing.filter((s) => s.id !== current.id).map((s) => s.id),
        );
        return next;
      }
      const created = buildRecord(
        metricSnapshotInputSchema,
        { metricId: metric.id, date: request.date, value: request.value },
        'The value',
      ) as MetricSnapshot;
      await writer.add('metricSnapshots', [created]);
      return created;
    },
  );
  return { snapshot: result, undo };
}

/** Deletes every reading of a date (the grid's row); returns how many, and the undo. */
export async function deleteDate(
  date: IsoDate,
  database: AdoptionDatabase = defaultDb,
): Promise<{ deleted: number; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (n: number) => `Deleted the ${n} ${n === 1 ? 'reading' : 'readings'} of ${date}`,
    async (writer) => {
      const ids = await database.metricSnapshots.where('date').equals(date).primaryKeys();
      await writer.delete('metricSnapshots', ids);
      return ids.length;
    },
  );
  return { deleted: result, undo };
}
