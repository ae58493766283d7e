/**
 * Importing metric readings from a CSV through the one import wizard (renderer/ui/import): the
 * file is read straight into readings (shared/import/metrics/csv finds whether it is long or
 * wide from its header), set against what is stored, and written by data/import.ts in one
 * transaction. Metrics the program does not have are listed, with a choice to create them;
 * without it their rows are rejected with their numbers.
 */
import { useMemo, useState } from 'react';
import { todayIso, PRODUCTION_APPS_KEY } from '../../../shared/domain';
import {
  planMetricImport,
  readMetricsTable,
  type MetricCsvReading,
  type MetricCsvRecord,
  type MetricImportPlan,
  type StoredReading,
} from '../../../shared/import/metrics/csv';
import { parseCsvFile } from '../../../shared/import/read/csv';
import { rejectedRowCount } from '../../../shared/import/types';
import { useDatabase } from '../../db/DatabaseContext';
import { ImportWizard } from '../../ui/import/ImportWizard';
import type { ImportWizardConfig, RecordsDefinition } from '../../ui/import/types';
import { applyMetricImport, type MetricImportResult } from './data/import';
import { useMetricColumns, useSnapshots } from './data/queries';

/** The readings in words: the CSV is read whole (readMetricsTable), so no column is mapped. */
const DEFINITION: RecordsDefinition = { noun: { one: 'reading', many: 'readings' } };

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export default function ImportMetrics() {
  const database = useDatabase();
  const columns = useMetricColumns();
  const snapshots = useSnapshots();
  const [createUnknown, setCreateUnknown] = useState(false);

  const config = useMemo((): ImportWizardConfig<
    MetricCsvRecord,
    MetricImportPlan,
    MetricImportResult,
    MetricCsvReading
  > | null => {
    if (!columns || !snapshots) return null;
    const keyOf = new Map(columns.filter((c) => c.id).map((c) => [c.id!, c.key]));
    const stored: StoredReading[] = [];
    for (const s of snapshots) {
      const metricKey = keyOf.get(s.metricId);
      if (metricKey) stored.push({ id: s.id, metricKey, date: s.date, value: s.value });
    }
    const known = columns.map((c) => ({ key: c.key, name: c.name, unit: c.unit }));
    const derivedKeys = columns.filter((c) => c.source === 'apps').map((c) => c.key);
    const nameOf = (key: string) => columns.find((c) => c.key === key)?.name ?? key;
    return {
      title: 'Import metric readings',
      definition: DEFINITION,
      sources: [
        {
          kind: 'records',
          id: 'csv',
          label: 'CSV file',
          hint:
            'Either one reading a row (Date, Metric, Value) or one row a date with a column per metric ' +
            '(Date, Clusters, Servers, …). Dates as yyyy-MM-dd.',
          dialogTitle: 'Import metric readings from a CSV file',
          filters: [{ name: 'CSV', extensions: ['csv', 'tsv', 'txt'] }],
          heading: 'Metric readings',
          read: (file) => {
            const parsed = readMetricsTable(parseCsvFile(file.content), known, todayIso());
            const rejected = rejectedRowCount(parsed.rejected);
            return {
              parsed,
              facts: [
                { label: 'readings', count: parsed.records.length },
                {
                  label:
                    parsed.unknown.length === 1
                      ? 'metric the program does not have'
                      : 'metrics the program does not have',
                  count: parsed.unknown.length,
                  bad: parsed.unknown.length > 0,
                },
                {
                  label: rejected === 1 ? 'row rejected' : 'rows rejected',
                  count: rejected,
                  bad: rejected > 0,
                },
              ],
              note:
                parsed.shape === 'long'
                  ? 'Read as one reading a row (date, metric, value).'
                  : 'Read as one row a date, with a column per metric.',
            };
          },
          columns: [
            { label: 'Row', value: (r) => r.location.replace('Row ', '') },
            { label: 'Date', value: (r) => r.date },
            { label: 'Metric', value: (r) => (r.metricKey ? r.metricName : `${r.metricName} (new)`) },
            { label: 'Value', value: (r) => r.value.toLocaleString('en-US', { maximumFractionDigits: 6 }) },
          ],
          rejectedTitle: 'Rows that will not be imported',
          importLabel: (plan) =>
            `Import ${plural(plan.creates.length + plan.updates.length, 'reading', 'readings')}${
              plan.newMetrics.length
                ? ` and ${plural(plan.newMetrics.length, 'new metric', 'new metrics')}`
                : ''
            }`,
        },
      ],
      plan: (parsed) =>
        planMetricImport(parsed as MetricCsvReading, stored, { createUnknown, derivedKeys, nameOf }),
      planFacts: (plan) => [
        { label: 'new metrics', count: plan.newMetrics.length },
        { label: 'already stored', count: plan.unchanged },
      ],
      planOptions: (plan) => (
        <UnknownMetricsChoice
          names={plan.newMetrics.map((m) => (m.unit ? `${m.name} (${m.unit})` : m.name))}
          rejected={
            plan.rejected.filter((r) => r.problem.includes('is not one of the program’s metrics')).length
          }
          checked={createUnknown}
          onChange={setCreateUnknown}
        />
      ),
      apply: (plan, options) => applyMetricImport(plan, options, database),
      resultFacts: (result) => [{ label: 'metrics created', count: result.metricsCreated }],
      note: [
        'A reading of a metric on a date that is stored already replaces it; two in the file for the same metric and date: the later row wins.',
        derivedKeys.includes(PRODUCTION_APPS_KEY)
          ? 'Production apps are counted from the Apps area, so the file’s are not imported.'
          : '',
      ]
        .filter(Boolean)
        .join(' '),
      doneLink: { href: '#/metrics', label: 'See the readings' },
    };
  }, [columns, snapshots, createUnknown, database]);

  if (!config) {
    return (
      <div role="status" className="empty">
        Loading…
      </div>
    );
  }
  return <ImportWizard config={config} />;
}

/** The choice to create the metrics a file names that the program does not have. */
function UnknownMetricsChoice({
  names,
  rejected,
  checked,
  onChange,
}: {
  names: string[];
  rejected: number;
  checked: boolean;
  onChange: (create: boolean) => void;
}) {
  if (!checked && rejected === 0) return null;
  return (
    <div className="metric-import-choice">
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> Create the
        metrics the file names that the program does not have
      </label>
      <p className="muted">
        {checked
          ? `New: ${names.join(', ')}. Rename them or give them a unit under Metrics afterwards.`
          : `${plural(rejected, 'reading names a metric', 'readings name metrics')} the program does not have; they are rejected unless you create them.`}
      </p>
    </div>
  );
}
