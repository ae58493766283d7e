import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_IMPORT_FIELDS,
  guessCsvMapping,
  mapCsvRows,
  parseScoreCell,
  parseStageCell,
} from '../../shared/import/apps/definition';
import { parseDateCell } from '../../shared/import/cells';
import { parseCsvFile } from '../../shared/import/read/csv';
import { ImportFileError, rejectedRowCount } from '../../shared/import/types';
import { fileError } from './import-helpers';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');

function importCsv(text: string) {
  const parsed = parseCsvFile(text);
  return mapCsvRows(parsed, guessCsvMapping(parsed.headers));
}

describe('parseCsvFile', () => {
  it('splits the header row from the data rows', () => {
    const parsed = parseCsvFile('Name,Team\nPayments,Payments Team\nShop,Storefront\n');
    expect(parsed).toEqual({
      headers: ['Name', 'Team'],
      rows: [
        ['Payments', 'Payments Team'],
        ['Shop', 'Storefront'],
      ],
      delimiter: ',',
    });
  });

  it('strips a byte order mark and finds a semicolon delimiter', () => {
    const parsed = parseCsvFile(fixture('portfolio-semicolon-bom.csv'));
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['Name', 'Owner', 'Stage', 'Business score', 'Tech score']);
    expect(parsed.rows[0]).toEqual(['Orders', 'Orders Team', 'Selected', '4,5', '3']);
  });

  it('finds tab and pipe delimiters, and reads a one-column file', () => {
    expect(parseCsvFile('Name\tTeam\nA\tB\n').rows).toEqual([['A', 'B']]);
    expect(parseCsvFile('Name|Team\nA|B\n').rows).toEqual([['A', 'B']]);
    expect(parseCsvFile('Name\nA\nB').rows).toEqual([['A'], ['B']]);
  });

  it('keeps quoted delimiters and line breaks inside a value', () => {
    const parsed = parseCsvFile('Name,Description\n"Shop, web","two\nlines"\n');
    expect(parsed.rows).toEqual([['Shop, web', 'two\nlines']]);
  });

  it('rejects a quote that is never closed, naming the row', () => {
    expect(fileError(() => parseCsvFile('Name,Team\nok,ok\n"broken,team\nmore,rows\n'))).toMatch(
      /^Row 3 opens a quoted value/,
    );
  });

  it('rejects a file whose first row is empty', () => {
    expect(fileError(() => parseCsvFile(',,\nPayments,x,y\n'))).toMatch(
      /first row must hold the column names/,
    );
  });

  it('rejects binary data and empty files before parsing', () => {
    expect(fileError(() => parseCsvFile('PK\u0003\u0004\0\0\0binary'))).toMatch(/binary data/);
    expect(fileError(() => parseCsvFile(''))).toBe('This file is empty.');
  });
});

describe('guessCsvMapping', () => {
  it('maps header synonyms to fields, ignoring case and punctuation', () => {
    expect(
      guessCsvMapping([
        'App name',
        'Owning team',
        'CMDB id',
        'STAGE',
        'Business value',
        'Technical feasibility',
        'selected_on',
        'Hello world',
        'In production',
        'Lifecycle',
        'System',
        'Description',
      ]),
    ).toEqual({
      name: 0,
      teamName: 1,
      externalId: 2,
      stage: 3,
      businessScore: 4,
      technicalScore: 5,
      selectedOn: 6,
      firstDeployOn: 7,
      productionOn: 8,
      lifecycle: 9,
      system: 10,
      description: 11,
    });
  });

  it('prefers the better synonym when several columns could be the name', () => {
    expect(guessCsvMapping(['Title', 'Name'])).toEqual({ name: 1 });
    expect(guessCsvMapping(['Application', 'Owner', 'Entity ref'])).toEqual({
      name: 0,
      teamName: 1,
      externalId: 2,
    });
  });

  it('reads a header with a note in brackets', () => {
    expect(guessCsvMapping(['Name', 'Business value (1-5)', 'Tech score (1–5)'])).toEqual({
      name: 0,
      businessScore: 1,
      technicalScore: 2,
    });
  });

  it('uses a column for one field at most and leaves unknown columns unmapped', () => {
    const mapping = guessCsvMapping(['Name', 'Name', 'Cost centre', 'Time to hello world (days)']);
    expect(mapping).toEqual({ name: 0 });
  });

  it('has a label and synonyms for every field, and no synonym shared by two fields', () => {
    const seen = new Map<string, string>();
    for (const f of APP_IMPORT_FIELDS) {
      expect(f.label).not.toBe('');
      for (const s of f.synonyms) {
        const key = s.toLowerCase().replace(/[^a-z0-9]+/g, '');
        expect(seen.get(key), `${s} is used by ${seen.get(key)} and ${f.field}`).toBeUndefined();
        seen.set(key, f.field);
      }
    }
    expect(APP_IMPORT_FIELDS.filter((f) => f.required).map((f) => f.field)).toEqual(['name']);
  });
});

describe('mapCsvRows', () => {
  it('imports a good portfolio file', () => {
    const result = importCsv(fixture('portfolio.csv'));
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.apps).toEqual([
      {
        location: 'Row 2',
        name: 'Payments API',
        teamName: 'Payments Team',
        description: 'Takes card payments',
        externalId: 'CI-1001',
        lifecycle: '',
        system: '',
        stage: 'on-platform',
        businessScore: 5,
        technicalScore: 4,
        selectedOn: '2026-01-12',
        firstDeployOn: '2026-02-02',
        productionOn: '2026-03-01',
      },
      {
        location: 'Row 3',
        name: 'Web Shop',
        teamName: 'Storefront',
        description: 'The shop, customer facing',
        externalId: 'CI-1002',
        lifecycle: '',
        system: '',
        stage: 'onboarding',
        businessScore: 4,
        technicalScore: 3.5,
        selectedOn: '2026-04-01',
      },
      {
        location: 'Row 4',
        name: 'Legacy Billing',
        teamName: 'Finance',
        description: '',
        externalId: 'CI-1003',
        lifecycle: '',
        system: '',
        stage: 'candidate',
        businessScore: 3,
        technicalScore: 1,
      },
      {
        location: 'Row 5',
        name: 'Search',
        teamName: 'Storefront',
        description: 'Multi-line\ndescription',
        externalId: null,
        lifecycle: '',
        system: '',
        businessScore: 2,
        technicalScore: 5,
      },
    ]);
  });

  it('reads a semicolon file with a byte order mark and decimal commas', () => {
    const result = importCsv(fixture('portfolio-semicolon-bom.csv'));
    expect(result.rejected).toEqual([]);
    expect(result.apps.map((a) => [a.name, a.teamName, a.stage, a.businessScore, a.technicalScore])).toEqual([
      ['Orders', 'Orders Team', 'selected', 4.5, 3],
      ['Inventory', 'Orders Team', 'candidate', 3, 3.5],
    ]);
  });

  it('rejects rows without a name or with contradicting dates, imports the rest leaving unreadable optional cells empty, and skips empty rows', () => {
    const result = importCsv(fixture('portfolio-bad-rows.csv'));
    expect(result.apps.map((a) => [a.location, a.name])).toEqual([
      ['Row 2', 'Good app'],
      ['Row 5', 'Bad stage'],
      ['Row 6', 'Bad score'],
      ['Row 7', 'Bad date'],
      ['Row 8', 'Not a day'],
      ['Row 11', 'Another good app'],
    ]);
    expect(result.skipped).toEqual([{ reason: 'Empty rows', count: 2 }]);
    expect(result.rejected).toEqual([
      { location: 'Row 3', field: 'App name', problem: 'is empty; every app needs a name' },
      {
        location: 'Row 9',
        field: 'First deploy on',
        problem: 'First deploy cannot be before the app was selected',
      },
    ]);
    expect(rejectedRowCount(result.rejected)).toBe(2);
    // The cells that could not be read are left out of the record, and said per row.
    const badScore = result.apps.find((a) => a.name === 'Bad score')!;
    expect(badScore.businessScore).toBeUndefined();
    expect(badScore.technicalScore).toBeUndefined();
    expect(result.apps.find((a) => a.name === 'Bad stage')!.stage).toBeUndefined();
    expect(result.warnings).toEqual([
      {
        location: 'Row 5',
        field: 'Stage',
        problem:
          '“Live” is not a stage; use one of Candidate, Selected, Onboarding, On platform, Paused, Dropped; left empty',
      },
      { location: 'Row 6', field: 'Business value', problem: '“7” is outside the 1 to 5 scale; left empty' },
      {
        location: 'Row 6',
        field: 'Technical feasibility',
        problem: '“abc” is not a number; scores are 1 to 5; left empty',
      },
      {
        location: 'Row 7',
        field: 'Selected on',
        problem: '“31/01/2026” is not a date in the form yyyy-MM-dd (e.g. 2026-01-31); left empty',
      },
      {
        location: 'Row 8',
        field: 'Selected on',
        problem: '“2026-02-30” is not a real calendar date; left empty',
      },
    ]);
  });

  it('refuses a file with no name column, listing its columns', () => {
    const parsed = parseCsvFile(fixture('no-name-column.csv'));
    expect(fileError(() => mapCsvRows(parsed, guessCsvMapping(parsed.headers)))).toBe(
      'The file has no column for the app name. Name a column “Name” (or “App”, “Application”, “Title”), ' +
        'or choose which column holds the name. Its columns are: “Team”, “Stage”, “Business value”.',
    );
  });

  it('uses the mapping the user chose, not only the guess', () => {
    const parsed = parseCsvFile('Service,Squad,Notes\nOrders,Order Team,ignored\n');
    expect(guessCsvMapping(parsed.headers)).toEqual({ name: 0, teamName: 1 });
    const result = mapCsvRows(parsed, { name: 2, description: 0 });
    expect(result.apps[0]).toMatchObject({ name: 'ignored', description: 'Orders', teamName: null });
  });

  it('treats a mapping to a column that does not exist as unmapped', () => {
    const parsed = parseCsvFile('Name\nOrders\n');
    expect(mapCsvRows(parsed, { name: 0, teamName: 7 }).apps[0]?.teamName).toBeNull();
    expect(() => mapCsvRows(parsed, { name: 3 })).toThrow(ImportFileError);
  });

  it('leaves empty cells out so that they do not overwrite stored values', () => {
    const result = importCsv('Name,Stage,Business value,Selected on\nOrders,,,\n');
    const app = result.apps[0]!;
    expect(app).not.toHaveProperty('stage');
    expect(app).not.toHaveProperty('businessScore');
    expect(app).not.toHaveProperty('selectedOn');
  });

  it('reads short rows as empty cells', () => {
    const result = importCsv('Name,Team,Stage\nOrders\n');
    expect(result.rejected).toEqual([]);
    expect(result.apps[0]).toMatchObject({ name: 'Orders', teamName: null });
  });

  it('rejects a name longer than a stored app allows', () => {
    const result = importCsv(`Name\n${'n'.repeat(201)}\n`);
    expect(result.rejected).toEqual([
      { location: 'Row 2', field: 'App name', problem: 'App name must be at most 200 characters' },
    ]);
  });

  it('removes the apostrophe the export puts before a formula-like value', () => {
    const result = importCsv("Name,Team\n'=SUM(A1),'-ops\n'plain,ok\n");
    expect(result.apps.map((a) => [a.name, a.teamName])).toEqual([
      ['=SUM(A1)', '-ops'],
      ["'plain", 'ok'],
    ]);
  });
});

describe('cell readers', () => {
  it('reads stages by id or label in any case', () => {
    expect(parseStageCell('On platform')).toEqual({ value: 'on-platform' });
    expect(parseStageCell('on-platform')).toEqual({ value: 'on-platform' });
    expect(parseStageCell('ON_PLATFORM')).toEqual({ value: 'on-platform' });
    expect(parseStageCell('Dropped')).toEqual({ value: 'dropped' });
    expect(parseStageCell('live')).toHaveProperty('problem');
  });

  it('reads scores from 1 to 5 with a decimal point or comma', () => {
    expect(parseScoreCell('1')).toEqual({ value: 1 });
    expect(parseScoreCell('4.5')).toEqual({ value: 4.5 });
    expect(parseScoreCell('4,5')).toEqual({ value: 4.5 });
    expect(parseScoreCell('0')).toHaveProperty('problem');
    expect(parseScoreCell('5.1')).toHaveProperty('problem');
    expect(parseScoreCell('1,000')).toHaveProperty('problem');
    expect(parseScoreCell('Infinity')).toHaveProperty('problem');
    expect(parseScoreCell('high')).toHaveProperty('problem');
  });

  it('reads yyyy-MM-dd dates and the date part of a timestamp, and nothing ambiguous', () => {
    expect(parseDateCell('2026-01-31')).toEqual({ value: '2026-01-31' });
    expect(parseDateCell('2026-01-31T09:30:00Z')).toEqual({ value: '2026-01-31' });
    expect(parseDateCell('2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(parseDateCell('2025-02-29')).toEqual({ problem: '“2025-02-29” is not a real calendar date' });
    expect(parseDateCell('03/04/2026')).toHaveProperty('problem');
    expect(parseDateCell('2026-1-5')).toHaveProperty('problem');
    expect(parseDateCell('1900-01-01')).toEqual({ problem: '“1900-01-01” is not between 1970 and 2200' });
  });
});
