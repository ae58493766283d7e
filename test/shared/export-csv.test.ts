/** The CSV writer every export uses, in both dialects, and that the imports read both back. */
import { describe, expect, it } from 'vitest';
import { appsToCsv, type AppExportRow } from '../../shared/export/apps-csv';
import { csvDocument, safeCsvCell } from '../../shared/export/csv';
import { guessCsvMapping, mapCsvRows } from '../../shared/import/apps/definition';
import { parseCsvFile } from '../../shared/import/read/csv';

const APP: AppExportRow = {
  name: '-Ledger, general',
  team: 'Finance; Ops',
  stage: 'candidate',
  cycle: null,
  businessScore: 3.5,
  technicalScore: 2,
  selectedOn: null,
  firstDeployOn: null,
  productionOn: null,
  goldenPaths: [],
  externalId: 'CMDB-7',
};

describe('csvDocument', () => {
  it('writes comma-separated cells with a decimal point by default, and a BOM for Excel', () => {
    expect(csvDocument(['A', 'B'], [['x', 1.25]])).toBe('\uFEFFA,B\r\nx,1.25\r\n');
  });

  it('writes semicolons and decimal commas in the European dialect, quoting cells that hold a semicolon', () => {
    expect(csvDocument(['A', 'B', 'C'], [['a;b', 1.25, 'c,d']], { format: 'semicolon', bom: false })).toBe(
      'A;B;C\r\n"a;b";1,25;c,d\r\n',
    );
  });

  it('neutralises text that looks like a formula but leaves numbers as numbers', () => {
    expect(csvDocument(['A', 'B'], [['-1', -1]], { bom: false })).toBe("A,B\r\n'-1,-1\r\n");
    expect(safeCsvCell('=SUM(A1)')).toBe("'=SUM(A1)");
  });

  it('writes empty cells for missing and non-finite numbers', () => {
    expect(csvDocument(['A', 'B', 'C'], [[null, undefined, Number.NaN]], { bom: false })).toBe(
      'A,B,C\r\n,,\r\n',
    );
  });
});

describe('an apps export in either dialect imports back as it was', () => {
  for (const format of ['comma', 'semicolon'] as const) {
    it(`${format}`, () => {
      const parsed = parseCsvFile(appsToCsv([APP], { format }));
      const { apps, rejected } = mapCsvRows(parsed, guessCsvMapping(parsed.headers));
      expect(rejected).toEqual([]);
      expect(apps).toHaveLength(1);
      expect(apps[0]).toMatchObject({
        name: '-Ledger, general',
        teamName: 'Finance; Ops',
        externalId: 'CMDB-7',
        businessScore: 3.5,
        technicalScore: 2,
      });
    });
  }
});
