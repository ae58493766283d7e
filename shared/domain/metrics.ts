/** "Speeds and feeds": metric definitions (built-in and the user's own) and dated snapshots. */
import { z } from 'zod';
import { baseRecordSchema, optionalText, requiredText } from './common';
import { isoDateSchema } from './dates';

export const BUILT_IN_METRICS = [
  { key: 'production-apps', name: 'Production apps', unit: 'apps' },
  { key: 'container-workloads', name: 'Container workloads', unit: 'workloads' },
  { key: 'running-memory', name: 'Running memory', unit: 'GB' },
  { key: 'deployments-per-day', name: 'Deployments per day', unit: 'per day' },
  { key: 'os-repaves-per-day', name: 'OS repaves per day', unit: 'per day' },
  { key: 'clusters', name: 'Clusters', unit: 'clusters' },
  { key: 'pools', name: 'Pools', unit: 'pools' },
  { key: 'data-centers', name: 'Data centers', unit: 'data centers' },
  { key: 'servers', name: 'Servers', unit: 'servers' },
] as const;

/** The metric whose values can be counted from the Apps area instead of typed in. */
export const PRODUCTION_APPS_KEY = 'production-apps';

export const METRIC_SOURCES = ['manual', 'apps'] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];

export const metricInputSchema = z.object({
  key: z
    .string({ error: 'Key is required' })
    .trim()
    .min(1, 'Key is required')
    .max(100, 'Key must be at most 100 characters')
    .regex(/^[a-z0-9-]+$/, 'Key may hold only lower-case letters, digits and dashes'),
  name: requiredText('Metric name'),
  unit: optionalText('Unit', 50),
  builtIn: z.boolean().default(false),
  /**
   * Retired metrics keep their snapshots but leave the grid's columns and the overview. Optional,
   * absent meaning false, so records and backups written before it need no schema version.
   */
  retired: z.boolean().optional(),
  /**
   * Where its values come from: typed in (or imported), or counted from the Apps area (only
   * "Production apps": the apps in production on the platform on each date). A database holds
   * one program, so this is the program's choice. Optional, absent meaning 'manual' (as above).
   */
  source: z.enum(METRIC_SOURCES, { error: 'Source must be manual or apps' }).optional(),
});
export type MetricInput = z.input<typeof metricInputSchema>;
export const metricSchema = baseRecordSchema.and(metricInputSchema);
export type Metric = z.infer<typeof metricSchema>;

export const metricSnapshotInputSchema = z.object({
  metricId: z.string({ error: 'Metric is required' }).uuid('Metric is required'),
  date: isoDateSchema('Date'),
  value: z
    .number({ error: 'Value must be a number' })
    .refine((v) => Number.isFinite(v), 'Value must be a number')
    .refine((v) => v >= 0, 'Value cannot be negative'),
  notes: optionalText('Notes', 2000),
});
export type MetricSnapshotInput = z.input<typeof metricSnapshotInputSchema>;
export const metricSnapshotSchema = baseRecordSchema.and(metricSnapshotInputSchema);
export type MetricSnapshot = z.infer<typeof metricSnapshotSchema>;
