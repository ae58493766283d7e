/**
 * The entity side of the pipeline with a made-up entity (metric snapshots), so that it is shown
 * to work without the apps: guessing the mapping from its synonyms, reading rows with its cell
 * parsers and schema, the default messages, and planning re-imports with its match key.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDateCell } from '../../shared/import/cells';
import type { CellResult, EntityImport } from '../../shared/import/definition';
import { guessMapping, mapRows } from '../../shared/import/mapping';
import { planRecords } from '../../shared/import/matching';
import { parseCsvFile } from '../../shared/import/read/csv';
import { fileError } from './import-helpers';

interface Snapshot {
  date: string;
  metric: string;
  value: number;
  note?: string;
}

function parseNumber(cell: string): CellResult<number> {
  const value = Number(cell);
  return Number.isFinite(value) ? { value } : { problem: `“${cell}” is not a number` };
}

const snapshots: EntityImport<Snapshot, 'date' | 'metric' | 'value' | 'note', { id: string; key: string }> = {
  noun: { one: 'snapshot', many: 'snapshots' },
  fields: [
    { field: 'date', label: 'Date', required: true, synonyms: ['date', 'day'], parse: parseDateCell },
    { field: 'metric', label: 'Metric', required: true, synonyms: ['metric', 'kpi'] },
    { field: 'value', label: 'Value', required: true, synonyms: ['value', 'count'], parse: parseNumber },
    { field: 'note', label: 'Note', required: false, synonyms: ['note', 'comment'] },
  ],
  toRecord: (row) => {
    const record: Snapshot = {
      date: row.value<string>('date')!,
      metric: row.text('metric'),
      value: row.value<number>('value')!,
    };
    if (row.text('note')) record.note = row.text('note');
    return record;
  },
  schema: z.object({ value: z.number().min(0, 'Value cannot be negative') }),
  matchBy: [
    {
      name: 'date and metric',
      field: 'metric',
      ofRecord: (r) => `${r.date}|${r.metric.toLowerCase()}`,
      ofStored: (s) => s.key,
    },
  ],
};

const CSV = [
  'Day,KPI,Count,Comment',
  '2026-01-05,Deployments,42,',
  '2026-01-05,Clusters,,too early',
  '05/01/2026,Clusters,3,',
  '',
  '2026-01-06,Deployments,-1,',
  '2026-01-05,deployments,40,again',
].join('\n');

describe('an entity definition', () => {
  const table = parseCsvFile(CSV);

  it('guesses the mapping from its synonyms', () => {
    expect(guessMapping(snapshots.fields, table.headers)).toEqual({ date: 0, metric: 1, value: 2, note: 3 });
  });

  it('reads rows with its parsers and schema, rejecting each bad row with its row, field and problem', () => {
    const parsed = mapRows(snapshots, table, guessMapping(snapshots.fields, table.headers));
    expect(parsed.records).toEqual([
      { location: 'Row 2', date: '2026-01-05', metric: 'Deployments', value: 42 },
      { location: 'Row 7', date: '2026-01-05', metric: 'deployments', value: 40, note: 'again' },
    ]);
    expect(parsed.rejected).toEqual([
      { location: 'Row 3', field: 'Value', problem: 'is empty; it is required' },
      {
        location: 'Row 4',
        field: 'Date',
        problem: '“05/01/2026” is not a date in the form yyyy-MM-dd (e.g. 2026-01-31)',
      },
      { location: 'Row 6', field: 'Value', problem: 'Value cannot be negative' },
    ]);
    expect(parsed.skipped).toEqual([{ reason: 'Empty row', count: 1 }]);
  });

  it('refuses a table without a column for a required field, naming the field and the columns', () => {
    expect(fileError(() => mapRows(snapshots, table, { date: 0, value: 2 }))).toBe(
      'The file has no column for “Metric”. Choose which column holds it. ' +
        'Its columns are: “Day”, “KPI”, “Count”, “Comment”.',
    );
  });

  it('plans re-imports with its match key and rejects the file’s own duplicates', () => {
    const parsed = mapRows(snapshots, table, guessMapping(snapshots.fields, table.headers));
    const plan = planRecords(snapshots, [{ id: 's1', key: '2026-01-05|deployments' }], parsed);
    expect(plan.updates.map((u) => [u.id, u.record.location])).toEqual([['s1', 'Row 2']]);
    expect(plan.creates).toEqual([]);
    expect(plan.rejected.at(-1)).toEqual({
      location: 'Row 7',
      field: 'Metric',
      problem: 'is the same snapshot as Row 2 (same date and metric); only the first is imported',
    });
    expect(plan.skipped).toBe(1);
  });

  it('creates every record when the definition has no match key', () => {
    const parsed = mapRows(snapshots, table, guessMapping(snapshots.fields, table.headers));
    const plan = planRecords({ ...snapshots, matchBy: [] }, [{ id: 's1', key: 'x' }], parsed);
    expect(plan.creates).toHaveLength(2);
    expect(plan.updates).toEqual([]);
  });
});
