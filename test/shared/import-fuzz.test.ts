/**
 * Fuzzing every file the app reads (issue 13): 10,000 generated files a run across the CSV
 * import, the Backstage catalog import and the backup restore — wrong types, missing fields,
 * huge strings, deep nesting, YAML aliases, wrong encodings, truncated files, duplicate ids and
 * dangling references. Each importer either reads the file, accounting for every row or document
 * (imported, rejected with a message naming where, or skipped with a reason), or refuses the
 * whole file with its own error class and a message — never another exception. Writes are
 * tested all-or-nothing against the database elsewhere (test/renderer/apps/import-data.test.ts,
 * test/renderer/db/backup.test.ts); a parse that cannot throw halfway leaves nothing to write.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BackupFileError, parseBackup } from '../../shared/backup/backup';
import { catalogFromFiles, parseBackstageCatalog } from '../../shared/import/apps/backstage';
import { guessCsvMapping, mapCsvRows } from '../../shared/import/apps/definition';
import { planImport } from '../../shared/import/apps/plan';
import { parseCsvFile } from '../../shared/import/read/csv';
import { readDocuments } from '../../shared/import/read/documents';
import { ImportFileError, type RejectedRow } from '../../shared/import/types';
import { linkedIds, REFERENCES } from '../../shared/schema/references';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const encoder = new TextEncoder();

/** Runs per importer; together at least 10,000 cases each run. */
const RUNS = { csv: 3_500, catalog: 3_500, backup: 3_000 };
/** A hang fails the test; a busy machine must not (a run takes a few seconds when idle). */
const TIMEOUT = 180_000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Either the importer's own refusal with a message, or a value; anything else fails the case. */
function readOrRefuse<T>(read: () => T, refusal: new (...args: never[]) => Error): T | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof refusal)) throw error;
    expect(error.message.trim().length).toBeGreaterThan(10);
    return null;
  }
}

const expectLocated = (rows: readonly RejectedRow[], where: RegExp) => {
  for (const row of rows) {
    expect(row.location).toMatch(where);
    expect(row.problem.trim()).not.toBe('');
  }
};

/** A cell or value far longer than any real one (a CSV line over the limit; a catalog's inline definition). */
const hugeText = fc.integer({ min: 1_000, max: 150_000 }).map((n) => 'x'.repeat(n));

/** Text that is sometimes binary, sometimes a spreadsheet formula, sometimes a number in disguise. */
const nastyText = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '3',
      '3.5',
      '3,5',
      '0x3',
      '1e0',
      'Infinity',
      'NaN',
      '-1',
      '6',
      '+3',
      'Selected',
      'on platform',
      'Dropped',
      '=HYPERLINK("x")',
      '@SUM(A1)',
      '"',
      '""',
      '\u0000',
      '\uFEFF',
      '\uD800',
      '1 - most critical',
      '2026-02-30',
      'null',
      'true',
      '__proto__',
      'constructor',
    ),
  },
);

const HEADERS = [
  'Name',
  'App',
  'Application',
  'Team',
  'Owner Group',
  'support_group',
  'Business value',
  'Business Criticality',
  'Complexity',
  'Stage',
  'sys_id',
  'short_description',
  'Golden path',
  '',
];

/** A CSV-like text: headers from the names the import knows and others, rows of nasty cells. */
const csvText = fc
  .record({
    headers: fc.array(fc.oneof(fc.constantFrom(...HEADERS), nastyText), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(nastyText, { maxLength: 9 }), { maxLength: 12 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quote: fc.boolean(),
    // Now and then one huge cell: rare, since each costs a lot of time to generate and read.
    huge: fc.option(hugeText, { freq: 40 }),
  })
  .map(({ headers, rows, delimiter, newline, quote, huge }) => {
    const cell = (c: string) => (quote ? `"${c.replaceAll('"', '""')}"` : c);
    const table = [headers, ...rows];
    if (huge !== null) table[table.length - 1] = [...table[table.length - 1]!, huge];
    return table.map((r) => r.map(cell).join(delimiter)).join(newline);
  });

const truncated = (text: string) => fc.nat({ max: text.length }).map((n) => text.slice(0, n));

/** A file's content as the picker hands it over: text, or bytes in some encoding, or random bytes. */
function asFile(text: fc.Arbitrary<string>): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 2, arbitrary: text.map((t) => encoder.encode(t)) },
    {
      weight: 1,
      arbitrary: text.map((t) => {
        // UTF-16 LE, with or without a byte order mark.
        const bytes = new Uint8Array(t.length * 2 + 2);
        bytes.set([0xff, 0xfe]);
        for (let i = 0; i < t.length; i++) {
          bytes[2 + 2 * i] = t.charCodeAt(i) & 0xff;
          bytes[3 + 2 * i] = t.charCodeAt(i) >> 8;
        }
        return bytes;
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
  );
}

const EXISTING = {
  apps: [
    { id: 'a1', name: 'Payments API', externalId: 'CI-1' },
    { id: 'a2', name: 'Ledger', externalId: null },
  ],
  teams: [{ id: 't1', name: 'Payments' }],
};

describe('fuzzing the CSV import', () => {
  it(`reads or refuses ${RUNS.csv} generated files, accounting for every row`, { timeout: TIMEOUT }, () => {
    const cmdb = fixture('csv/cmdb-30.csv');
    const file = asFile(
      fc.oneof({ weight: 5, arbitrary: csvText }, { weight: 1, arbitrary: truncated(cmdb) }),
    );
    fc.assert(
      fc.property(file, (content) => {
        const parsed = readOrRefuse(() => parseCsvFile(content), ImportFileError);
        if (!parsed) return;
        const read = readOrRefuse(() => mapCsvRows(parsed, guessCsvMapping(parsed.headers)), ImportFileError);
        if (!read) return;
        const rejectedRows = new Set(read.rejected.map((r) => r.location));
        const skippedRows = read.skipped.reduce((sum, s) => sum + s.count, 0);
        expect(read.apps.length + rejectedRows.size + skippedRows).toBe(parsed.rows.length);
        expectLocated(read.rejected, /^Row \d+$/);
        for (const app of read.apps) expect(app.name.trim()).not.toBe('');
        const plan = planImport(EXISTING, read);
        // Every record read is created, updated or reported (a duplicate within the file).
        const duplicates = plan.rejected.length - read.rejected.length;
        expect(plan.creates.length + plan.updates.length + duplicates).toBe(read.apps.length);
      }),
      { numRuns: RUNS.csv, seed: SEED },
    );
  });
});

/** Something a YAML or JSON document may hold: entities with wrong types and missing fields among them. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('name', 'kind', 'spec', 'owner', 'metadata'), fc.string()),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

const entity = fc.record(
  {
    apiVersion: fc.oneof(fc.constant('backstage.io/v1alpha1'), jsonValue),
    kind: fc.oneof(fc.constantFrom('Component', 'Group', 'System', 'API', 'Location', 'User'), jsonValue),
    metadata: fc.oneof(
      fc.record(
        {
          name: fc.oneof(fc.constantFrom('payments-api', 'team-b', 'Ledger'), nastyText, jsonValue),
          title: nastyText,
          description: fc.oneof(nastyText, jsonValue),
          namespace: fc.constantFrom('default', 'other', ''),
          annotations: fc.dictionary(fc.string(), nastyText, { maxKeys: 3 }),
        },
        { requiredKeys: [] },
      ),
      jsonValue,
    ),
    spec: fc.oneof(
      fc.record(
        {
          type: fc.constantFrom('service', 'website', 'team', 'url'),
          lifecycle: fc.oneof(fc.constantFrom('production', 'experimental'), jsonValue),
          owner: fc.oneof(
            fc.constantFrom('team-b', 'group:default/team-b', 'group:other/TEAM-B', 'user:x'),
            jsonValue,
          ),
          system: fc.oneof(nastyText, jsonValue),
          profile: fc.record({ displayName: nastyText }, { requiredKeys: [] }),
          target: fc.oneof(fc.constantFrom('./components.yaml', 'https://x/y.yaml'), jsonValue),
          targets: fc.array(nastyText, { maxLength: 3 }),
          definition: fc.option(hugeText, { freq: 40 }),
        },
        { requiredKeys: [] },
      ),
      jsonValue,
    ),
  },
  { requiredKeys: [] },
);

const yamlStream = fc.array(fc.oneof({ weight: 4, arbitrary: entity }, { weight: 1, arbitrary: jsonValue }), {
  maxLength: 6,
});

/** Files a catalog import may be given: YAML streams, the API's one-line JSON, and worse. */
const catalogText = fc.oneof(
  { weight: 4, arbitrary: yamlStream.map((docs) => docs.map((d) => stringify(d)).join('---\n')) },
  { weight: 2, arbitrary: yamlStream.map((docs) => JSON.stringify({ items: docs })) },
  { weight: 1, arbitrary: yamlStream.map((docs) => JSON.stringify(docs)) },
  {
    weight: 1,
    // An alias bomb, deep nesting, a YAML merge key, tabs, duplicate keys.
    arbitrary: fc.constantFrom(
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `kind: Component\nmetadata: ${'{a: '.repeat(2_000)}1${'}'.repeat(2_000)}\n`,
      'kind: Component\nkind: Group\nmetadata:\n  name: dup\n  name: dup2\n',
      'kind: Component\nmetadata: &m\n  name: x\nspec:\n  <<: *m\n  owner: team-b\n',
      'kind:\tComponent\n\tmetadata: x\n',
      '{"items": [',
    ),
  },
);

describe('fuzzing the Backstage catalog import', () => {
  it(
    `reads or refuses ${RUNS.catalog} generated catalogs, locating every rejected document`,
    { timeout: TIMEOUT },
    () => {
      const real = fixture('backstage/catalog-info.yaml');
      const file = asFile(
        fc.oneof({ weight: 6, arbitrary: catalogText }, { weight: 1, arbitrary: truncated(real) }),
      );
      fc.assert(
        fc.property(file, fc.boolean(), (content, together) => {
          const catalog = readOrRefuse(
            () =>
              together
                ? catalogFromFiles([
                    { name: 'fuzzed.yaml', documents: readDocuments('fuzzed.yaml', content) },
                    { name: 'real.yaml', documents: readDocuments('real.yaml', real) },
                  ])
                : parseBackstageCatalog(content),
            ImportFileError,
          );
          if (!catalog) return;
          expectLocated(catalog.rejected, /Document \d+/);
          for (const app of catalog.apps) expect(app.name.trim()).not.toBe('');
          for (const team of catalog.teams) expect(team.name.trim()).not.toBe('');
          planImport(EXISTING, catalog);
        }),
        { numRuns: RUNS.catalog, seed: SEED },
      );
    },
  );
});

type Backup = { tables: Record<string, Record<string, unknown>[]> } & Record<string, unknown>;

/** One change to a valid backup: what a hand edit, a broken disk or another program might do. */
const backupChange = fc.oneof(
  fc.record({ op: fc.constant('delete-field' as const), table: fc.nat(), row: fc.nat(), key: fc.nat() }),
  fc.record({
    op: fc.constant('set-field' as const),
    table: fc.nat(),
    row: fc.nat(),
    key: fc.nat(),
    value: jsonValue,
  }),
  fc.record({ op: fc.constant('duplicate' as const), table: fc.nat(), row: fc.nat() }),
  fc.record({ op: fc.constant('dangling' as const), table: fc.nat(), row: fc.nat(), key: fc.nat() }),
  fc.record({ op: fc.constant('replace-record' as const), table: fc.nat(), row: fc.nat(), value: jsonValue }),
  fc.record({ op: fc.constant('replace-table' as const), table: fc.nat(), value: jsonValue }),
  fc.record({ op: fc.constant('drop-table' as const), table: fc.nat() }),
  fc.record({ op: fc.constant('extra-table' as const), name: fc.string(), value: jsonValue }),
  fc.record({
    op: fc.constant('header' as const),
    key: fc.constantFrom('format', 'version', 'schemaVersion', 'exportedAt', 'appVersion', 'tables'),
    value: jsonValue,
  }),
);

function applyChange(backup: Backup, change: BackupChange) {
  if (typeof backup.tables !== 'object' || backup.tables === null) backup.tables = {};
  const names = Object.keys(backup.tables);
  const name = 'table' in change ? names[change.table % names.length]! : '';
  const table = backup.tables[name];
  const rows = Array.isArray(table) ? table : [];
  const index = 'row' in change && rows.length ? change.row % rows.length : -1;
  const row: unknown = index >= 0 ? rows[index] : undefined;
  const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : undefined;
  const keyOf = (k: number) => (record ? Object.keys(record)[k % Object.keys(record).length] : undefined);
  switch (change.op) {
    case 'delete-field': {
      const key = keyOf(change.key);
      if (record && key) delete record[key];
      break;
    }
    case 'set-field': {
      const key = keyOf(change.key);
      if (record && key) record[key] = change.value;
      break;
    }
    case 'duplicate':
      if (record) rows.push({ ...record });
      break;
    case 'dangling': {
      const key = keyOf(change.key);
      if (record && key && /Ids?$/.test(key))
        record[key] = Array.isArray(record[key]) ? [crypto.randomUUID()] : crypto.randomUUID();
      break;
    }
    case 'replace-record':
      if (index >= 0) (rows as unknown[])[index] = change.value;
      break;
    case 'replace-table':
      (backup.tables as Record<string, unknown>)[name] = change.value;
      break;
    case 'drop-table':
      delete backup.tables[name];
      break;
    case 'extra-table':
      (backup.tables as Record<string, unknown>)[change.name] = change.value;
      break;
    case 'header':
      (backup as Record<string, unknown>)[change.key] = change.value;
      break;
  }
}
type BackupChange = typeof backupChange extends fc.Arbitrary<infer C> ? C : never;

describe('fuzzing the backup restore', () => {
  const text = fixture('schema-v2/backup.json');

  it('reads the unchanged fixture (the fuzzing starts from a valid backup)', () => {
    expect(parseBackup(text).total).toBeGreaterThan(20);
  });

  it(`reads or refuses ${RUNS.backup} damaged backups, naming the problem`, { timeout: TIMEOUT }, () => {
    const damaged = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.array(backupChange, { minLength: 1, maxLength: 4 }).map((changes) => {
          const backup = JSON.parse(text) as Backup;
          for (const change of changes) applyChange(backup, change);
          return JSON.stringify(backup);
        }),
      },
      { weight: 2, arbitrary: truncated(text) },
      { weight: 1, arbitrary: jsonValue.map((v) => JSON.stringify(v) ?? 'undefined') },
      { weight: 1, arbitrary: fc.nat({ max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
    );
    fc.assert(
      fc.property(damaged, (content) => {
        const parsed = readOrRefuse(() => parseBackup(content), BackupFileError);
        if (!parsed) return;
        let total = 0;
        for (const [name, rows] of Object.entries(parsed.tables)) {
          expect(parsed.counts[name as keyof typeof parsed.counts]).toBe(rows.length);
          total += rows.length;
          const ids = rows.map((r) => (r as { id: string }).id);
          expect(new Set(ids).size, `${name}: duplicate ids accepted`).toBe(ids.length);
        }
        expect(parsed.total).toBe(total);
        // No optional link restored points at a record the backup does not hold (required ones are kept and counted).
        for (const [name, refs] of Object.entries(REFERENCES)) {
          for (const record of (parsed.tables as Record<string, Record<string, unknown>[]>)[name] ?? []) {
            for (const ref of refs.filter((r) => r.kind !== 'required')) {
              const targets = new Set(
                ((parsed.tables as Record<string, { id: string }[]>)[ref.target] ?? []).map((r) => r.id),
              );
              for (const id of linkedIds(record, ref))
                expect(targets.has(id), `${name}.${ref.field}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: RUNS.backup, seed: SEED },
    );
  });
});
