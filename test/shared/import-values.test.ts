/**
 * CMDB text values mapped to scores and stages: the suggestions, the distinct values a column
 * holds, reading cells through the user's choices, the CMDB header names, and score cells that
 * only a plain decimal passes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  APP_IMPORT_FIELDS,
  guessCsvMapping,
  mapCsvRows,
  parseScoreCell,
  stageFromText,
} from '../../shared/import/apps/definition';
import { planImport } from '../../shared/import/apps/plan';
import { plainDecimal } from '../../shared/import/cells';
import { parseCsvFile } from '../../shared/import/read/csv';
import {
  distinctValues,
  orderForMapping,
  scoreFromText,
  suggestValues,
  type ValueMapping,
} from '../../shared/import/values';
import type { AppImportField } from '../../shared/import/apps/definition';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');
const field = (key: AppImportField) => APP_IMPORT_FIELDS.find((f) => f.field === key)!;

describe('scoreFromText', () => {
  it.each([
    ['1 - Mission Critical', 5],
    ['2 - High', 4],
    ['3 - Moderate', 3],
    ['4 - Low', 2],
    ['1 - most critical', 5],
    ['2 - somewhat critical', 4],
    ['3 - less critical', 3],
    ['4 - not critical', 2],
    ['5 - Planning', 1],
    ['P1', 5],
    ['Tier 2', 4],
    ['Mission Critical', 5],
    ['High', 4],
    ['Moderate', 3],
    ['Medium', 3],
    ['Low', 2],
    ['Very low', 1],
    ['Not critical', 1],
  ])('reads “%s” as %i', (text, score) => {
    expect(scoreFromText(text)).toBe(score);
  });

  it('suggests nothing for text that says nothing of criticality', () => {
    expect(scoreFromText('Blue')).toBeUndefined();
    expect(scoreFromText('')).toBeUndefined();
  });

  it('always suggests a score on the 1–5 scale, or nothing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const score = scoreFromText(text);
        return score === undefined || [1, 2, 3, 4, 5].includes(score);
      }),
    );
  });
});

describe('stageFromText', () => {
  it.each([
    ['Live', 'on-platform'],
    ['In progress', 'onboarding'],
    ['Planned', 'selected'],
    ['On hold', 'paused'],
    ['Retired', 'dropped'],
    ['Backlog', 'candidate'],
  ])('reads “%s” as %s', (text, stage) => {
    expect(stageFromText(text)).toBe(stage);
  });
});

describe('score cells', () => {
  it.each(['0x3', '1e0', 'Infinity', '4 5', '+3', '.5', '3.', ''])('refuses “%s”', (cell) => {
    expect(parseScoreCell(cell)).toHaveProperty('problem');
  });
  it.each([
    ['4', 4],
    ['3.5', 3.5],
    ['3,5', 3.5],
    ['5.0', 5],
  ])('reads “%s”', (cell, value) => {
    expect(parseScoreCell(cell)).toEqual({ value });
  });
});

describe('plain decimals', () => {
  it('reads digits with a decimal point or a decimal comma, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,-+ eExXabfIn\t') }), (cell) => {
        const value = plainDecimal(cell);
        if (!/^\d+([.,]\d+)?$/.test(cell) || /,\d{3,}$/.test(cell)) return value === null;
        return value === Number(cell.replace(',', '.'));
      }),
    );
  });

  it('reads back any decimal written with a point or a comma', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, cents, comma) => {
        const text = `${whole}${comma ? ',' : '.'}${String(cents).padStart(2, '0')}`;
        const value = plainDecimal(text);
        return value !== null && Math.abs(value - (whole + cents / 100)) < 1e-9;
      }),
    );
  });
});

describe('distinct values of a column', () => {
  const table = parseCsvFile(
    'Name,Criticality\nA,1 - most critical\nB,2 - somewhat critical\nC,1 - most critical\nD,4\nE,\n',
  );

  it('counts each text once per row, most frequent first, and marks what the field reads as it is', () => {
    expect(distinctValues(field('businessScore'), table, 1)).toEqual([
      { text: '1 - most critical', rows: 2, readable: false },
      { text: '2 - somewhat critical', rows: 1, readable: false },
      { text: '4', rows: 1, readable: true },
    ]);
  });

  it('lists the texts to map in the order of the scale they are suggested for, the rest last', () => {
    const listed = (texts: [string, number][]) =>
      orderForMapping(
        field('businessScore'),
        texts.map(([text, rows]) => ({ text, rows, readable: false })),
      ).map((v) => v.text);
    expect(
      listed([
        ['Blue', 9],
        ['4 - not critical', 8],
        ['1 - most critical', 8],
        ['3 - less critical', 7],
        ['Green', 12],
        ['2 - somewhat critical', 7],
        ['Tier 1', 1],
      ]),
    ).toEqual([
      '1 - most critical',
      'Tier 1',
      '2 - somewhat critical',
      '3 - less critical',
      '4 - not critical',
      'Green',
      'Blue',
    ]);
    const stages = orderForMapping(
      field('stage'),
      ['Someday', 'Retired', 'Live', 'Backlog'].map((text) => ({ text, rows: 1, readable: false })),
    );
    expect(stages.map((v) => v.text)).toEqual(['Backlog', 'Live', 'Retired', 'Someday']);
  });

  it('suggests a value for each text the field cannot read', () => {
    const values = distinctValues(field('businessScore'), table, 1);
    expect(suggestValues(field('businessScore'), values)).toEqual({
      '1 - most critical': 5,
      '2 - somewhat critical': 4,
    });
  });

  it('reads the cells through the chosen values, and checks a chosen value like any cell', () => {
    const mapping = guessCsvMapping(table.headers);
    const values: ValueMapping<AppImportField> = {
      businessScore: { '1 - most critical': 5, '2 - somewhat critical': 9 },
    };
    const result = mapCsvRows(table, mapping, values);
    expect(result.apps.map((a) => [a.name, a.businessScore])).toEqual([
      ['A', 5],
      ['B', undefined],
      ['C', 5],
      ['D', 4],
      ['E', undefined],
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([
      {
        location: 'Row 3',
        field: 'Business value',
        problem: '“2 - somewhat critical” is not a number; scores are 1 to 5; left empty',
      },
    ]);
  });
});

describe('CMDB header names', () => {
  const mapped = (headers: string[]) => {
    const mapping = guessCsvMapping(headers);
    return Object.fromEntries(Object.entries(mapping).map(([key, index]) => [key, headers[index!]]));
  };

  it('reads ServiceNow’s display labels', () => {
    expect(
      mapped(['Name', 'Short description', 'Business Criticality', 'Owned by', 'Support group', 'Sys ID']),
    ).toEqual({
      name: 'Name',
      description: 'Short description',
      businessScore: 'Business Criticality',
      teamName: 'Support group',
      externalId: 'Sys ID',
    });
  });

  it.each([
    [['Application', 'Owner Group'], 'Owner Group'],
    [['name', 'owned_by'], 'owned_by'],
    [['name', 'support_group'], 'support_group'],
    [['name', 'owned_by', 'support_group'], 'support_group'],
    [['Name', 'Support Group', 'Owner Group'], 'Owner Group'],
  ])('takes the team from %j: %s', (headers, team) => {
    expect(mapped(headers).teamName).toBe(team);
  });

  it('takes the description from short_description and the business value from a criticality column', () => {
    expect(mapped(['name', 'short_description', 'business_criticality'])).toEqual({
      name: 'name',
      description: 'short_description',
      businessScore: 'business_criticality',
    });
    expect(mapped(['App', 'Criticality']).businessScore).toBe('Criticality');
  });
});

describe('the value mapping in the plan', () => {
  const table = parseCsvFile(
    [
      'Name,Business Criticality,Stage',
      'A,1 - Mission Critical,Live',
      'B,Unknown,Live',
      'A,Unknown,Backlog',
      'C,5 - Planning,Someday',
    ].join('\n'),
  );

  it('keeps the choices of mapped fields, and the warnings of the rows it imports only', () => {
    const mapping = guessCsvMapping(table.headers);
    const values: ValueMapping<AppImportField> = {
      businessScore: { '1 - Mission Critical': 5, '5 - Planning': 1, Unknown: null },
      stage: { Live: 'on-platform', Backlog: 'candidate' },
      technicalScore: { High: 4 }, // no column: not part of what the rows were read with
    };
    const parsed = mapCsvRows(table, mapping, values);
    expect(parsed.warnings?.map((w) => w.location)).toEqual(['Row 3', 'Row 4', 'Row 5']);
    const plan = planImport({ apps: [], teams: [] }, parsed);
    expect(plan.values).toEqual({ businessScore: values.businessScore, stage: values.stage });
    expect(plan.creates.map((r) => [r.name, r.businessScore, r.stage])).toEqual([
      ['A', 5, 'on-platform'],
      ['B', undefined, 'on-platform'],
      ['C', 1, undefined],
    ]);
    // Row 4 repeats A and is rejected whole, so it has no warning; B and C keep theirs.
    expect(plan.rejected.map((r) => r.location)).toEqual(['Row 4']);
    expect(plan.warnings).toEqual([
      {
        location: 'Row 3',
        field: 'Business value',
        problem: '“Unknown” is not a number; scores are 1 to 5; left empty',
      },
      {
        location: 'Row 5',
        field: 'Stage',
        problem: expect.stringMatching(/^“Someday” is not a stage; .*; left empty$/),
      },
    ]);
  });

  it('leaves a required field’s unreadable cell a rejection, not a warning', () => {
    const people = parseCsvFile('Name,Business value\n,3\nB,0x3\n');
    const result = mapCsvRows(people, guessCsvMapping(people.headers));
    expect(result.rejected).toEqual([
      { location: 'Row 2', field: 'App name', problem: 'is empty; every app needs a name' },
    ]);
    expect(result.warnings).toEqual([
      {
        location: 'Row 3',
        field: 'Business value',
        problem: '“0x3” is not a number; scores are 1 to 5; left empty',
      },
    ]);
  });
});

describe('a ServiceNow CMDB export of 30 business applications', () => {
  const table = parseCsvFile(fixture('cmdb-30.csv'));

  it('maps its headers without help', () => {
    const mapping = guessCsvMapping(table.headers);
    const column = (key: AppImportField) => table.headers[mapping[key]!];
    expect(column('name')).toBe('name');
    expect(column('description')).toBe('short_description');
    expect(column('businessScore')).toBe('business_criticality');
    // The support group is the team; owned_by (a person) is the fallback only.
    expect(column('teamName')).toBe('support_group');
    expect(column('externalId')).toBe('sys_id');
  });

  it('imports every row, with the suggested scores for its criticality texts', () => {
    const mapping = guessCsvMapping(table.headers);
    const businessColumn = mapping.businessScore!;
    const suggested = suggestValues(
      field('businessScore'),
      distinctValues(field('businessScore'), table, businessColumn),
    );
    const result = mapCsvRows(table, mapping, { businessScore: suggested });
    expect(result.apps).toHaveLength(30);
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(new Set(result.apps.map((a) => a.businessScore))).toEqual(new Set([5, 4, 3, 2]));
    expect(result.apps.find((a) => a.name === 'Payments Gateway')).toMatchObject({
      businessScore: 5,
      teamName: 'Payments Engineering',
      description: 'Payments Gateway for retail and business customers',
    });
  });

  it('without the value mapping still imports every row, each criticality left empty with a warning', () => {
    const result = mapCsvRows(table, guessCsvMapping(table.headers));
    expect(result.apps).toHaveLength(30);
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toHaveLength(30);
  });
});
