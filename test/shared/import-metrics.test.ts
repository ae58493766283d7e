/**
 * Metric snapshots from a CSV: long and wide files told apart by their header, every problem
 * reported by row (dates, future dates, non-numbers, negatives, unknown metrics, duplicates with
 * the later row winning), and the plan against what is stored.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvFile } from '../../shared/import/read/csv';
import {
  detectShape,
  parseMetricValue,
  planMetricImport,
  readMetricsTable,
  type KnownMetric,
} from '../../shared/import/metrics/csv';
import { ImportFileError } from '../../shared/import/types';

const METRICS: KnownMetric[] = [
  { key: 'clusters', name: 'Clusters', unit: 'clusters' },
  { key: 'servers', name: 'Servers', unit: 'servers' },
  { key: 'running-memory', name: 'Running memory', unit: 'GB' },
  { key: 'production-apps', name: 'Production apps', unit: 'apps' },
];
const TODAY = '2026-12-03';
const read = (csv: string) => readMetricsTable(parseCsvFile(csv), METRICS, TODAY);

describe('the shape of a metrics CSV', () => {
  it('reads date, metric, value rows as long', () => {
    expect(detectShape(['Date', 'Metric', 'Value'])).toEqual({ shape: 'long', date: 0, metric: 1, value: 2 });
    expect(detectShape(['value', 'KPI', 'As of'])).toEqual({ shape: 'long', date: 2, metric: 1, value: 0 });
  });

  it('reads one column per metric as wide', () => {
    expect(detectShape(['date', 'Clusters', 'Servers', ''])).toEqual({
      shape: 'wide',
      date: 0,
      metrics: [1, 2],
    });
  });

  it('refuses a file without a date column or without a metric, naming its columns', () => {
    expect(() => detectShape(['Metric', 'Value'])).toThrow(ImportFileError);
    expect(() => detectShape(['Metric', 'Value'])).toThrow(/no date column.*“Metric”, “Value”/);
    expect(() => detectShape(['Date'])).toThrow(/no metric/);
  });
});

describe('parseMetricValue', () => {
  it('reads plain decimals, with a decimal point or comma', () => {
    expect(parseMetricValue('12480')).toEqual({ value: 12480 });
    expect(parseMetricValue('3.5')).toEqual({ value: 3.5 });
    expect(parseMetricValue('3,5')).toEqual({ value: 3.5 });
    expect(parseMetricValue(' 0 ')).toEqual({ value: 0 });
  });

  it('says what is wrong with anything else', () => {
    expect(parseMetricValue('-4')).toEqual({ problem: expect.stringMatching(/“-4” is negative/) });
    expect(parseMetricValue('−4')).toEqual({ problem: expect.stringMatching(/negative/) });
    expect(parseMetricValue('lots')).toEqual({ problem: expect.stringMatching(/“lots” is not a number/) });
    expect(parseMetricValue('1,000')).toEqual({ problem: expect.stringMatching(/not a number/) });
    expect(parseMetricValue('1e3')).toEqual({ problem: expect.stringMatching(/not a number/) });
    expect(parseMetricValue('')).toEqual({ problem: 'is empty' });
    expect(parseMetricValue('99999999999999999')).toEqual({ problem: expect.stringMatching(/too large/) });
  });
});

describe('reading a long file', () => {
  it('reads each row into one reading of a known metric, matched by name or key in any case', () => {
    const reading = read('date,metric,value\n2026-01-01,clusters,4\n2026-01-01,RUNNING-MEMORY,512.5\n');
    expect(reading.shape).toBe('long');
    expect(reading.rejected).toEqual([]);
    expect(reading.records).toEqual([
      {
        date: '2026-01-01',
        metricName: 'Clusters',
        metricKey: 'clusters',
        unit: '',
        value: 4,
        location: 'Row 2',
      },
      {
        date: '2026-01-01',
        metricName: 'Running memory',
        metricKey: 'running-memory',
        unit: '',
        value: 512.5,
        location: 'Row 3',
      },
    ]);
  });

  it('reports every bad row by its number and field, and imports the rest', () => {
    const reading = read(
      [
        'Date,Metric,Value',
        '2026-01-01,Clusters,4', // row 2: fine
        '01/02/2026,Clusters,5', // row 3: date form
        '2026-02-30,Clusters,5', // row 4: no such day
        '2027-01-01,Clusters,5', // row 5: future
        '2026-03-01,Clusters,many', // row 6: not a number
        '2026-03-01,Servers,-2', // row 7: negative
        '2026-03-01,,2', // row 8: no metric
        '2026-03-01,Servers,', // row 9: no value
        ',,', // row 10: blank
      ].join('\n'),
    );
    expect(reading.records.map((r) => r.location)).toEqual(['Row 2']);
    expect(reading.rejected.map((r) => [r.location, r.field])).toEqual([
      ['Row 3', 'Date'],
      ['Row 4', 'Date'],
      ['Row 5', 'Date'],
      ['Row 6', 'Value'],
      ['Row 7', 'Value'],
      ['Row 8', 'Metric'],
      ['Row 9', 'Value'],
    ]);
    expect(reading.rejected[2]!.problem).toMatch(/in the future/);
    expect(reading.rejected[4]!.problem).toMatch(/negative/);
    expect(reading.skipped).toEqual([{ reason: 'Empty row', count: 1 }]);
  });

  it('lets the later of two readings of a metric on a date win, and reports the earlier', () => {
    const reading = read(
      'date,metric,value\n2026-01-01,Clusters,4\n2026-01-01,Servers,9\n2026-01-01,clusters,6\n',
    );
    expect(reading.records.map((r) => [r.location, r.metricKey, r.value])).toEqual([
      ['Row 3', 'servers', 9],
      ['Row 4', 'clusters', 6],
    ]);
    expect(reading.rejected).toEqual([
      {
        location: 'Row 2',
        field: 'Date',
        problem: 'Clusters on 2026-01-01 is read again in Row 4; the later row wins',
      },
    ]);
  });

  it('lists the metrics the program does not have, with how many rows name them', () => {
    const reading = read(
      'date,metric,value\n2026-01-01,CPU cores,40\n2026-02-01,cpu  cores,44\n2026-02-01,Clusters,1\n',
    );
    expect(reading.unknown).toEqual([{ name: 'CPU cores', key: 'cpu-cores', unit: '', rows: 2 }]);
    expect(reading.records.filter((r) => r.metricKey === null)).toHaveLength(2);
  });
});

describe('reading a wide file', () => {
  it('reads each metric column of a row, with units in brackets, skipping empty cells', () => {
    const reading = read(
      'Date;Clusters;Running memory (GB);CPU (cores)\n2026-01-01;4;512,5;\n2026-02-01;5;;64\n2026-03-01;;;\n',
    );
    expect(reading.shape).toBe('wide');
    expect(reading.rejected).toEqual([]);
    expect(reading.records.map((r) => [r.location, r.metricName, r.metricKey, r.value])).toEqual([
      ['Row 2', 'Clusters', 'clusters', 4],
      ['Row 2', 'Running memory', 'running-memory', 512.5],
      ['Row 3', 'Clusters', 'clusters', 5],
      ['Row 3', 'CPU', null, 64],
    ]);
    expect(reading.unknown).toEqual([{ name: 'CPU', key: 'cpu', unit: 'cores', rows: 1 }]);
    expect(reading.skipped).toEqual([
      { reason: 'Row with a date and no value', count: 1 },
      { reason: 'Empty cells', count: 2 },
    ]);
  });

  it('rejects a whole row with a bad cell, naming the metric column', () => {
    const reading = read('date,Clusters,Servers\n2026-01-01,4,n/a\n2026-02-01,5,20\n');
    expect(reading.records.map((r) => r.location)).toEqual(['Row 3', 'Row 3']);
    expect(reading.rejected).toEqual([
      { location: 'Row 2', field: 'Servers', problem: expect.stringMatching(/“n\/a” is not a number/) },
    ]);
  });

  it('lets a later row of the same date win', () => {
    const reading = read('date,Clusters\n2026-01-01,4\n2026-01-01,5\n');
    expect(reading.records.map((r) => [r.location, r.value])).toEqual([['Row 3', 5]]);
    expect(reading.rejected[0]).toMatchObject({ location: 'Row 2', field: 'Clusters' });
  });
});

describe('planMetricImport', () => {
  const stored = [
    { id: 's1', metricKey: 'clusters', date: '2026-01-01', value: 4 },
    { id: 's2', metricKey: 'servers', date: '2026-01-01', value: 10 },
  ];
  const csv = 'date,Clusters,Servers,CPU\n2026-01-01,4,12,40\n2026-02-01,5,14,44\n';

  it('creates new readings, replaces changed ones, leaves equal ones, and rejects unknown metrics unless created', () => {
    const plan = planMetricImport(read(csv), stored, { createUnknown: false });
    expect(plan.creates.map((r) => `${r.metricKey}@${r.date}`)).toEqual([
      'clusters@2026-02-01',
      'servers@2026-02-01',
    ]);
    expect(plan.updates).toEqual([
      { id: 's2', record: expect.objectContaining({ value: 12, metricKey: 'servers' }) },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.newMetrics).toEqual([]);
    expect(plan.rejected.map((r) => [r.location, r.field])).toEqual([
      ['Row 2', 'CPU'],
      ['Row 3', 'CPU'],
    ]);
    expect(plan.rejected[0]!.problem).toMatch(/“CPU” is not one of the program’s metrics/);
  });

  it('creates the unknown metrics when asked, with their readings', () => {
    const plan = planMetricImport(read(csv), stored, { createUnknown: true });
    expect(plan.newMetrics.map((m) => m.key)).toEqual(['cpu']);
    expect(plan.creates.filter((r) => r.metricKey === 'cpu').map((r) => r.value)).toEqual([40, 44]);
    expect(plan.rejected).toEqual([]);
  });

  it('refuses readings of a metric counted from the apps', () => {
    const plan = planMetricImport(read('date,Production apps,Clusters\n2026-03-01,12,6\n'), [], {
      createUnknown: false,
      derivedKeys: ['production-apps'],
      nameOf: () => 'Production apps',
    });
    expect(plan.creates.map((r) => r.metricKey)).toEqual(['clusters']);
    expect(plan.rejected).toEqual([
      {
        location: 'Row 2',
        field: 'Production apps',
        problem: expect.stringMatching(/counted from the Apps area/),
      },
    ]);
  });
});
