import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_STAGES } from '../../shared/domain/apps';
import { addDaysIso } from '../../shared/domain/dates';
import { APP_EXPORT_COLUMNS, appsToCsv, type AppExportRow } from '../../shared/export/apps-csv';
import { safeCsvCell } from '../../shared/export/csv';
import { guessCsvMapping, mapCsvRows } from '../../shared/import/apps/definition';
import { parseCsvFile } from '../../shared/import/read/csv';

const row = (over: Partial<AppExportRow> = {}): AppExportRow => ({
  name: 'Payments API',
  team: 'Payments Team',
  stage: 'on-platform',
  cycle: 'Initial phase',
  businessScore: 5,
  technicalScore: 4.5,
  selectedOn: '2026-01-12',
  firstDeployOn: '2026-02-02',
  productionOn: '2026-03-01',
  goldenPaths: ['Java service', 'Security scan'],
  externalId: 'component:default/payments-api',
  lifecycle: 'production',
  system: 'checkout',
  description: 'Takes card payments, online and in store',
  ...over,
});

describe('appsToCsv', () => {
  it('writes a header row and one row per app, with stage labels and time to hello world', () => {
    const csv = appsToCsv([row()], { bom: false });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(APP_EXPORT_COLUMNS.join(','));
    expect(lines[1]).toBe(
      'Payments API,Payments Team,On platform,Initial phase,5,4.5,2026-01-12,2026-02-02,2026-03-01,21,' +
        'Java service; Security scan,component:default/payments-api,production,checkout,' +
        '"Takes card payments, online and in store"',
    );
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });

  it('starts with a byte order mark by default so Excel reads accents', () => {
    expect(appsToCsv([]).startsWith('\uFEFFName,Team,')).toBe(true);
    expect(appsToCsv([], { bom: false }).startsWith('Name,')).toBe(true);
  });

  it('writes empty cells for missing values', () => {
    const csv = appsToCsv(
      [
        row({
          team: null,
          cycle: null,
          businessScore: null,
          technicalScore: null,
          selectedOn: null,
          firstDeployOn: null,
          productionOn: null,
          goldenPaths: [],
          externalId: null,
          lifecycle: undefined,
          system: undefined,
          description: undefined,
        }),
      ],
      { bom: false },
    );
    expect(csv.split('\r\n')[1]).toBe('Payments API,,On platform,,,,,,,,,,,,');
  });

  it('keeps formula-like values as text (CSV formula injection)', () => {
    const csv = appsToCsv(
      [row({ name: '=HYPERLINK("http://evil","x")', team: '+team', description: '@SUM(1)' })],
      {
        bom: false,
      },
    );
    const cells = parseCsvFile(csv).rows[0]!;
    expect(cells[0]).toBe('\'=HYPERLINK("http://evil","x")');
    expect(cells[1]).toBe("'+team");
    expect(cells[14]).toBe("'@SUM(1)");
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('escapes only the characters a spreadsheet treats as a formula start', () => {
    expect(safeCsvCell('-1')).toBe("'-1");
    expect(safeCsvCell('\tx')).toBe("'\tx");
    expect(safeCsvCell('plain')).toBe('plain');
    expect(safeCsvCell('a=b')).toBe('a=b');
    expect(safeCsvCell('')).toBe('');
    expect(safeCsvCell("'=x")).toBe("''=x");
    expect(safeCsvCell("'plain")).toBe("'plain");
  });

  it('gives back values that start with an apostrophe before a formula character', () => {
    const names = ["'=x", "''+y", "'plain", '-', "'"];
    const parsed = parseCsvFile(appsToCsv(names.map((name) => row({ name }))));
    expect(mapCsvRows(parsed, guessCsvMapping(parsed.headers)).apps.map((a) => a.name)).toEqual(names);
  });

  it('imports back as it was (round trip through the CSV import)', () => {
    const rows = [
      row(),
      row({
        name: '=risky',
        team: 'Ops; "core"',
        stage: 'paused',
        description: 'line one\nline two',
        externalId: null,
      }),
      row({
        name: 'Ärger-frei',
        stage: 'candidate',
        businessScore: null,
        technicalScore: 1,
        selectedOn: null,
        firstDeployOn: null,
        productionOn: null,
      }),
    ];
    const parsed = parseCsvFile(appsToCsv(rows));
    const mapping = guessCsvMapping(parsed.headers);
    const imported = mapCsvRows(parsed, mapping);
    expect(imported.rejected).toEqual([]);
    expect(imported.apps.map(({ location: _location, ...r }) => r)).toEqual([
      {
        name: 'Payments API',
        teamName: 'Payments Team',
        description: 'Takes card payments, online and in store',
        externalId: 'component:default/payments-api',
        lifecycle: 'production',
        system: 'checkout',
        stage: 'on-platform',
        businessScore: 5,
        technicalScore: 4.5,
        selectedOn: '2026-01-12',
        firstDeployOn: '2026-02-02',
        productionOn: '2026-03-01',
      },
      {
        name: '=risky',
        teamName: 'Ops; "core"',
        description: 'line one\nline two',
        externalId: null,
        lifecycle: 'production',
        system: 'checkout',
        stage: 'paused',
        businessScore: 5,
        technicalScore: 4.5,
        selectedOn: '2026-01-12',
        firstDeployOn: '2026-02-02',
        productionOn: '2026-03-01',
      },
      {
        name: 'Ärger-frei',
        teamName: 'Payments Team',
        description: 'Takes card payments, online and in store',
        externalId: 'component:default/payments-api',
        lifecycle: 'production',
        system: 'checkout',
        stage: 'candidate',
        technicalScore: 1,
      },
    ]);
  });

  it('maps every importable column of its header, and nothing to the read-only ones', () => {
    const mapping = guessCsvMapping([...APP_EXPORT_COLUMNS]);
    expect(Object.keys(mapping).sort()).toEqual(
      [
        'name',
        'teamName',
        'stage',
        'businessScore',
        'technicalScore',
        'selectedOn',
        'firstDeployOn',
        'productionOn',
        'externalId',
        'lifecycle',
        'system',
        'description',
      ].sort(),
    );
    const readOnly = ['Cycle', 'Time to hello world (days)', 'Golden paths'].map((h) =>
      APP_EXPORT_COLUMNS.indexOf(h as (typeof APP_EXPORT_COLUMNS)[number]),
    );
    for (const index of Object.values(mapping)) expect(readOnly).not.toContain(index);
  });

  it('round-trips any name, team and description', () => {
    const prefix = fc.constantFrom('', "'", "''", '=', '-', '@', '+', '"', ',', ';');
    const text = fc
      .tuple(prefix, fc.string({ unit: 'grapheme', maxLength: 30 }))
      .map(([p, s]) => p + s)
      .filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: text,
            team: fc.option(text, { nil: null }),
            description: fc.string({ maxLength: 40 }).map((s) => s.trim()),
            stage: fc.constantFrom(...APP_STAGES),
            businessScore: fc.option(
              fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
              { nil: null },
            ),
            offset: fc.nat(100),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        (items) => {
          const rows = items.map((it) =>
            row({
              ...it,
              selectedOn: '2026-01-01',
              firstDeployOn: addDaysIso('2026-01-01', it.offset),
              productionOn: null,
            }),
          );
          const parsed = parseCsvFile(appsToCsv(rows));
          const imported = mapCsvRows(parsed, guessCsvMapping(parsed.headers));
          expect(imported.rejected).toEqual([]);
          expect(
            imported.apps.map((a) => [a.name, a.teamName, a.description, a.stage, a.businessScore ?? null]),
          ).toEqual(items.map((it) => [it.name, it.team, it.description, it.stage, it.businessScore]));
        },
      ),
    );
  });
});
