/**
 * Import benchmarks: a 20,000-row portfolio CSV (parse, map, plan, then the re-import plan
 * against the 20,000 apps it created), a 5,000-entity Backstage catalog, the file check on 50 MB
 * of one line, and the CSV export of 20,000 apps. Each checks its result, then prints its figures.
 */
import { describe, expect, it } from 'vitest';
import { appsToCsv, type AppExportRow } from '../shared/export/apps-csv';
import { parseBackstageCatalog } from '../shared/import/apps/backstage';
import { APP_IMPORT_FIELDS, guessCsvMapping, mapCsvRows } from '../shared/import/apps/definition';
import { planImport } from '../shared/import/apps/plan';
import { checkTextFile } from '../shared/import/file-checks';
import { parseCsvFile } from '../shared/import/read/csv';
import { ImportFileError } from '../shared/import/types';
import { distinctValues, suggestValues } from '../shared/import/values';
import { generateApps, generateCatalog, generateCmdbCsv, generatePortfolioCsv } from './generate';
import { measure } from './report';

const ROWS = 20_000;

describe('import', () => {
  it('plans a 20,000-row CSV import', () => {
    const text = generatePortfolioCsv(ROWS);
    const plan = measure(
      '20,000-row CSV import plan (parse + map + plan)',
      { targetMs: 2000, units: { count: ROWS, label: 'rows' } },
      () => {
        const parsed = parseCsvFile(text);
        return planImport({ apps: [], teams: [] }, mapCsvRows(parsed, guessCsvMapping(parsed.headers)));
      },
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.creates).toHaveLength(ROWS);
    expect(plan.teamsToCreate).toHaveLength(200);

    const existing = plan.creates.map((r, i) => ({ id: `id-${i}`, name: r.name, externalId: r.externalId }));
    const parsed = parseCsvFile(text);
    const records = mapCsvRows(parsed, guessCsvMapping(parsed.headers));
    const again = measure(
      '20,000-row re-import plan against 20,000 apps',
      { targetMs: 1000, units: { count: ROWS, label: 'rows' } },
      () => planImport({ apps: existing, teams: [] }, records),
    );
    expect(again.creates).toHaveLength(0);
    expect(again.updates).toHaveLength(ROWS);
  });

  it('reads a 20,000-row CMDB export through a value mapping', () => {
    const parsed = parseCsvFile(generateCmdbCsv(ROWS));
    const mapping = guessCsvMapping(parsed.headers);
    const business = APP_IMPORT_FIELDS.find((f) => f.field === 'businessScore')!;
    // What the wizard does when the columns are mapped: list the column's texts, suggest values.
    const suggested = measure(
      '20,000-row CMDB column: distinct texts and suggested values',
      { targetMs: 100, units: { count: ROWS, label: 'rows' } },
      () => suggestValues(business, distinctValues(business, parsed, mapping.businessScore!)),
    );
    expect(Object.keys(suggested)).toHaveLength(4);
    // What it does on each choice: read every row with the value mapping, plan against 20,000 apps.
    const existing = parsed.rows.map((r, i) => ({ id: `id-${i}`, name: r[2]!, externalId: null }));
    const plan = measure(
      '20,000-row CMDB export read through a value mapping + plan against 20,000 apps',
      { targetMs: 500, units: { count: ROWS, label: 'rows' } },
      () =>
        planImport({ apps: existing, teams: [] }, mapCsvRows(parsed, mapping, { businessScore: suggested })),
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.updates).toHaveLength(ROWS);
  });

  it('reads a 5,000-entity Backstage catalog', () => {
    const text = generateCatalog(5000);
    const parsed = measure(
      '5,000-entity Backstage catalog (parse + map)',
      { targetMs: 3000, runs: 2, units: { count: 5000, label: 'entities' } },
      () => parseBackstageCatalog(text),
    );
    expect(parsed.rejected).toEqual([]);
    expect(parsed.apps).toHaveLength(3500);
    expect(parsed.teams).toHaveLength(300);
    const plan = measure(
      '5,000-entity catalog import plan',
      { targetMs: 500, units: { count: 5000, label: 'entities' } },
      () => planImport({ apps: [], teams: [] }, parsed),
    );
    expect(plan.creates).toHaveLength(3500);
  });

  it('checks 50 MB of one line', () => {
    const text = 'x'.repeat(50 * 1024 * 1024);
    const error = measure(
      'checkTextFile on 50 MB of one line',
      { targetMs: 1000, units: { count: 50, label: 'MB' } },
      () => {
        try {
          checkTextFile(text, { maxBytes: 100 * 1024 * 1024 });
        } catch (e) {
          return e;
        }
        return null;
      },
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/^Line 1 is 52,428,800 characters long/);
  });

  it('exports 20,000 apps as CSV', () => {
    const { apps, teams, cycles, goldenPaths } = generateApps(ROWS);
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const cycleName = new Map(cycles.map((c) => [c.id, `Cycle ${c.index}`]));
    const pathName = new Map(goldenPaths.map((g) => [g.id, g.name]));
    const rows: AppExportRow[] = apps.map((a) => ({
      ...a,
      team: a.teamId ? (teamName.get(a.teamId) ?? null) : null,
      cycle: a.cycleId ? (cycleName.get(a.cycleId) ?? null) : null,
      goldenPaths: a.goldenPathIds.map((id) => pathName.get(id) ?? ''),
    }));
    const csv = measure(
      'CSV export of 20,000 apps',
      { targetMs: 1000, units: { count: ROWS, label: 'rows' } },
      () => appsToCsv(rows),
    );
    const parsed = parseCsvFile(csv);
    expect(parsed.rows).toHaveLength(ROWS);
  });
});
