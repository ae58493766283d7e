/**
 * Applying a metrics CSV import (shared/import/metrics/csv) to the database: the metrics the
 * user chose to create, new readings, and readings that replace the stored value of their metric
 * on their date — all in ONE transaction, in chunks with progress and Cancel, undoable as a
 * whole. Every reading is validated like one typed in before anything is written; a cancel or
 * any error rolls the whole import back, so nothing is half-saved.
 */
import {
  BUILT_IN_METRICS,
  metricInputSchema,
  metricSnapshotInputSchema,
  ValidationError,
  type Metric,
  type MetricSnapshot,
} from '../../../../shared/domain';
import type { MetricImportPlan } from '../../../../shared/import/metrics/csv';
import {
  ImportCanceledError,
  type ImportApplyOptions,
  type ImportResult,
  type RejectedRow,
} from '../../../../shared/import/types';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate } from '../../../db/repository';

export interface MetricImportResult extends ImportResult {
  metricsCreated: number;
  undo: ChangeSet;
}

export async function applyMetricImport(
  plan: MetricImportPlan,
  options: ImportApplyOptions & { chunkSize?: number } = {},
  database: AdoptionDatabase = defaultDb,
): Promise<MetricImportResult> {
  const { onProgress, signal, chunkSize = 1000 } = options;
  if (signal?.aborted) throw new ImportCanceledError();
  const total = plan.creates.length + plan.updates.length;
  const { result, undo } = await recordChanges(
    database,
    ['metrics', 'metricSnapshots'],
    (r: ImportResult) => `Imported ${(r.created + r.updated).toLocaleString('en-US')} metric readings`,
    async (writer) => {
      const rejected: RejectedRow[] = [...plan.rejected];
      // The metrics the readings name: stored, created now, or built-in ones not stored yet.
      const metrics = new Map((await database.metrics.toArray()).map((m) => [m.key, m]));
      const newMetrics: Metric[] = [];
      const metricFor = (key: string): Metric => {
        const stored = metrics.get(key);
        if (stored) return stored;
        const builtIn = BUILT_IN_METRICS.find((m) => m.key === key);
        const planned = plan.newMetrics.find((m) => m.key === key);
        const input = builtIn
          ? {
              key,
              name: builtIn.name,
              unit: builtIn.unit,
              builtIn: true,
              retired: false,
              source: 'manual' as const,
            }
          : planned
            ? {
                key,
                name: planned.name,
                unit: planned.unit,
                builtIn: false,
                retired: false,
                source: 'manual' as const,
              }
            : null;
        if (!input)
          throw new ValidationError([{ field: 'metric', message: `no metric has the key “${key}”` }]);
        const metric = buildRecord(metricInputSchema, input, 'The metric') as Metric;
        metrics.set(key, metric);
        newMetrics.push(metric);
        return metric;
      };
      for (const m of plan.newMetrics) metricFor(m.key);

      const writes: MetricSnapshot[] = [];
      const reject = (location: string, field: string, error: unknown) => {
        if (error instanceof ValidationError)
          for (const p of error.problems) rejected.push({ location, field, problem: p.message });
        else throw error;
      };
      let created = 0;
      for (const record of plan.creates) {
        try {
          const metric = metricFor(record.metricKey!);
          writes.push(
            buildRecord(
              metricSnapshotInputSchema,
              { metricId: metric.id, date: record.date, value: record.value },
              'The reading',
            ) as MetricSnapshot,
          );
          created++;
        } catch (error) {
          reject(record.location, record.metricName, error);
        }
      }
      const stored = await database.metricSnapshots.bulkGet(plan.updates.map((u) => u.id));
      plan.updates.forEach(({ record }, i) => {
        const existing = stored[i];
        try {
          // Deleted meanwhile (another window): the reading is new again.
          writes.push(
            existing
              ? (buildUpdate(
                  metricSnapshotInputSchema,
                  existing,
                  { value: record.value },
                  'The reading',
                ) as MetricSnapshot)
              : (buildRecord(
                  metricSnapshotInputSchema,
                  { metricId: metricFor(record.metricKey!).id, date: record.date, value: record.value },
                  'The reading',
                ) as MetricSnapshot),
          );
        } catch (error) {
          reject(record.location, record.metricName, error);
        }
      });

      await writer.add('metrics', newMetrics);
      let done = total - writes.length;
      onProgress?.({ done, total });
      for (let start = 0; start < writes.length; start += chunkSize) {
        if (signal?.aborted) throw new ImportCanceledError();
        const chunk = writes.slice(start, start + chunkSize);
        await writer.put('metricSnapshots', chunk);
        done += chunk.length;
        onProgress?.({ done, total });
      }
      if (signal?.aborted) throw new ImportCanceledError();
      return {
        created,
        updated: writes.length - created,
        skipped: plan.skipped,
        rejected,
        metricsCreated: newMetrics.length,
      };
    },
  );
  return { ...result, undo };
}
