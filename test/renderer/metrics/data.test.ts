/** The Metrics area's commands and import on a real (in-memory) IndexedDB: validation, one transaction, undo. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain';
import { planMetricImport, readMetricsTable } from '../../../shared/import/metrics/csv';
import { parseCsvFile } from '../../../shared/import/read/csv';
import { ImportCanceledError } from '../../../shared/import/types';
import { undoChanges } from '../../../renderer/db/changes';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import {
  addMetric,
  CellChangedElsewhereError,
  deleteDate,
  editMetric,
  setCell,
  setMetricRetired,
  setProductionAppsSource,
} from '../../../renderer/features/metrics/data/metrics';
import { applyMetricImport } from '../../../renderer/features/metrics/data/import';
import { metricColumns } from '../../../shared/domain/metric-series';
import { freshDatabases } from '../db/db-helpers';

const freshDb = freshDatabases('metrics-data');
const TODAY = '2026-12-03';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the command to be refused'),
    (error: unknown) => error,
  );
}

async function valueOf(database: AdoptionDatabase, key: string, date: string) {
  const metric = await database.metrics.where('key').equals(key).first();
  if (!metric) return undefined;
  return (await database.metricSnapshots.where('[metricId+date]').equals([metric.id, date]).first())?.value;
}

describe('typing a value into the grid', () => {
  it('creates the built-in metric with its first value, replaces and clears it, each undoable', async () => {
    const database = freshDb();
    const first = await setCell(
      { metricKey: 'clusters', date: '2026-03-01', value: 4, today: TODAY },
      database,
    );
    expect(await database.metrics.count()).toBe(1);
    expect(await valueOf(database, 'clusters', '2026-03-01')).toBe(4);

    const second = await setCell(
      { metricKey: 'clusters', date: '2026-03-01', value: 5, expected: 4, today: TODAY },
      database,
    );
    expect(await valueOf(database, 'clusters', '2026-03-01')).toBe(5);
    expect(await database.metricSnapshots.count()).toBe(1);
    await undoChanges(database, second.undo);
    expect(await valueOf(database, 'clusters', '2026-03-01')).toBe(4);

    const cleared = await setCell(
      { metricKey: 'clusters', date: '2026-03-01', value: null, expected: 4, today: TODAY },
      database,
    );
    expect(cleared.snapshot).toBeNull();
    expect(await database.metricSnapshots.count()).toBe(0);
    await undoChanges(database, cleared.undo);
    expect(await valueOf(database, 'clusters', '2026-03-01')).toBe(4);

    await undoChanges(database, first.undo);
    expect(await database.metrics.count()).toBe(0);
    expect(await database.metricSnapshots.count()).toBe(0);
  });

  it('refuses a negative value, a future date and a counted metric, writing nothing', async () => {
    const database = freshDb();
    const negative = await failure(
      setCell({ metricKey: 'servers', date: '2026-03-01', value: -1, today: TODAY }, database),
    );
    expect(negative).toBeInstanceOf(ValidationError);
    expect((negative as ValidationError).messageFor('value')).toBe('Value cannot be negative');
    const future = await failure(
      setCell({ metricKey: 'servers', date: '2026-12-04', value: 1, today: TODAY }, database),
    );
    expect((future as ValidationError).messageFor('date')).toMatch(/in the future/);
    await setProductionAppsSource('apps', database);
    const counted = await failure(
      setCell({ metricKey: 'production-apps', date: '2026-03-01', value: 3, today: TODAY }, database),
    );
    expect((counted as ValidationError).messageFor('value')).toMatch(/counted from the Apps area/);
    expect(await database.metricSnapshots.count()).toBe(0);
  });

  it('refuses a cell changed elsewhere since the grid showed it', async () => {
    const database = freshDb();
    await setCell({ metricKey: 'pools', date: '2026-03-01', value: 2, today: TODAY }, database);
    // Another window set 3 meanwhile; this grid still shows 2.
    await setCell({ metricKey: 'pools', date: '2026-03-01', value: 3, expected: 2, today: TODAY }, database);
    const error = await failure(
      setCell({ metricKey: 'pools', date: '2026-03-01', value: 9, expected: 2, today: TODAY }, database),
    );
    expect(error).toBeInstanceOf(CellChangedElsewhereError);
    expect(String((error as Error).message)).toMatch(/it is 3 now/);
    expect(await valueOf(database, 'pools', '2026-03-01')).toBe(3);
  });

  it('deletes every reading of a date, and Undo brings them back', async () => {
    const database = freshDb();
    await setCell({ metricKey: 'pools', date: '2026-03-01', value: 2, today: TODAY }, database);
    await setCell({ metricKey: 'servers', date: '2026-03-01', value: 40, today: TODAY }, database);
    await setCell({ metricKey: 'servers', date: '2026-04-01', value: 41, today: TODAY }, database);
    const { deleted, undo } = await deleteDate('2026-03-01', database);
    expect(deleted).toBe(2);
    expect(await database.metricSnapshots.count()).toBe(1);
    await undoChanges(database, undo);
    expect(await database.metricSnapshots.count()).toBe(3);
  });
});

describe('the program’s own metrics', () => {
  it('adds one with a unit, refuses a taken name or a missing unit, renames and retires it', async () => {
    const database = freshDb();
    const { metric } = await addMetric({ name: 'CPU cores', unit: 'cores' }, database);
    expect(metric).toMatchObject({ key: 'cpu-cores', builtIn: false, retired: false, source: 'manual' });

    const taken = await failure(addMetric({ name: 'cpu-cores!', unit: 'x' }, database));
    expect((taken as ValidationError).messageFor('name')).toMatch(/already named “CPU cores”/);
    const builtInName = await failure(addMetric({ name: 'servers', unit: 'x' }, database));
    expect((builtInName as ValidationError).messageFor('name')).toMatch(/already named “Servers”/);
    const noUnit = await failure(addMetric({ name: 'Nodes', unit: ' ' }, database));
    expect((noUnit as ValidationError).messageFor('unit')).toMatch(/Unit is required/);
    const noName = await failure(addMetric({ name: '', unit: 'x' }, database));
    expect((noName as ValidationError).messageFor('name')).toBe('Metric name is required');

    const renamed = await editMetric(
      { key: 'cpu-cores', patch: { name: 'vCPUs' }, expected: { name: 'CPU cores' } },
      database,
    );
    expect(renamed.metric).toMatchObject({ name: 'vCPUs', unit: 'cores', key: 'cpu-cores' });
    const stale = await failure(
      editMetric({ key: 'cpu-cores', patch: { name: 'Cores' }, expected: { name: 'CPU cores' } }, database),
    );
    expect((stale as ValidationError).messageFor('name')).toMatch(/changed elsewhere meanwhile to “vCPUs”/);

    await setMetricRetired('cpu-cores', true, database);
    const columns = metricColumns(await database.metrics.toArray());
    expect(columns.find((c) => c.key === 'cpu-cores')?.retired).toBe(true);
    expect(columns.slice(0, 9).map((c) => c.key)).toContain('servers');
  });
});

describe('importing a metrics CSV', () => {
  async function planOf(database: AdoptionDatabase, csv: string, createUnknown = false) {
    const metrics = metricColumns(await database.metrics.toArray());
    const reading = readMetricsTable(parseCsvFile(csv), metrics, TODAY);
    const keyOf = new Map(metrics.filter((m) => m.id).map((m) => [m.id!, m.key]));
    const stored = (await database.metricSnapshots.toArray()).map((s) => ({
      id: s.id,
      metricKey: keyOf.get(s.metricId)!,
      date: s.date,
      value: s.value,
    }));
    return planMetricImport(reading, stored, { createUnknown });
  }

  it('writes new metrics and readings and replaces stored ones in one step that Undo takes back', async () => {
    const database = freshDb();
    await setCell({ metricKey: 'servers', date: '2026-01-01', value: 10, today: TODAY }, database);
    const plan = await planOf(
      database,
      'date,Servers,CPU (cores)\n2026-01-01,12,40\n2026-02-01,14,44\n',
      true,
    );
    const result = await applyMetricImport(plan, {}, database);
    expect(result).toMatchObject({ created: 3, updated: 1, metricsCreated: 1, rejected: [] });
    expect(await valueOf(database, 'servers', '2026-01-01')).toBe(12);
    expect(await database.metrics.where('key').equals('cpu').first()).toMatchObject({
      name: 'CPU',
      unit: 'cores',
    });
    await undoChanges(database, result.undo);
    expect(await valueOf(database, 'servers', '2026-01-01')).toBe(10);
    expect(await database.metricSnapshots.count()).toBe(1);
    expect(await database.metrics.count()).toBe(1);
  });

  it('writes nothing when canceled', async () => {
    const database = freshDb();
    const plan = await planOf(database, 'date,Servers\n2026-01-01,12\n2026-02-01,14\n');
    const controller = new AbortController();
    const error = await failure(
      applyMetricImport(
        plan,
        {
          signal: controller.signal,
          chunkSize: 1,
          onProgress: (p) => {
            if (p.done >= 1) controller.abort();
          },
        },
        database,
      ),
    );
    expect(error).toBeInstanceOf(ImportCanceledError);
    expect(await database.metricSnapshots.count()).toBe(0);
    expect(await database.metrics.count()).toBe(0);
  });
});
