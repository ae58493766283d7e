import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalogFromDocuments,
  catalogFromFiles,
  describeLocations,
  parseBackstageCatalog,
  parseEntityRef,
} from '../../shared/import/apps/backstage';
import { parseCsvFile } from '../../shared/import/read/csv';
import { readDocuments } from '../../shared/import/read/documents';
import { catalogApiJson, yamlWithLongDefinition } from '../fixtures/backstage/generate';
import { fileError } from './import-helpers';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/backstage/${name}`, import.meta.url), 'utf8');

describe('parseEntityRef', () => {
  it('reads kind, namespace and name, defaulting the namespace', () => {
    expect(parseEntityRef('group:default/payments-team')).toEqual({
      kind: 'group',
      namespace: 'default',
      name: 'payments-team',
    });
    expect(parseEntityRef('payments-team')).toEqual({
      kind: null,
      namespace: 'default',
      name: 'payments-team',
    });
    expect(parseEntityRef('retail/storefront')).toEqual({
      kind: null,
      namespace: 'retail',
      name: 'storefront',
    });
    expect(parseEntityRef('User:jdoe')).toEqual({ kind: 'user', namespace: 'default', name: 'jdoe' });
  });
});

describe('parseBackstageCatalog', () => {
  const catalog = parseBackstageCatalog(fixture('catalog-info.yaml'));

  it('turns Components into apps with name or title, description, owner, lifecycle, system and entity ref', () => {
    expect(catalog.apps).toEqual([
      {
        location: 'Document 1',
        name: 'Payments API',
        teamName: 'Payments Team',
        teamRef: 'group:default/payments-team',
        description: 'Takes card payments for the web shop.',
        externalId: 'component:default/payments-api',
        lifecycle: 'production',
        system: 'checkout',
      },
      {
        location: 'Document 2',
        name: 'web-shop',
        teamName: 'storefront',
        teamRef: 'group:retail/storefront',
        description: 'The customer-facing shop.',
        externalId: 'component:retail/web-shop',
        lifecycle: 'production',
        system: 'shop',
      },
      {
        location: 'Document 3',
        name: 'legacy-billing',
        teamName: null,
        description: '',
        externalId: 'component:default/legacy-billing',
        lifecycle: 'deprecated',
        system: '',
      },
      {
        location: 'Document 4',
        name: 'jdoe-scratchpad',
        teamName: null,
        description: 'A side project.\n\nOwner in Backstage: user:default/jdoe',
        externalId: 'component:default/jdoe-scratchpad',
        lifecycle: 'experimental',
        system: '',
      },
    ]);
  });

  it('gives an app owned by a Group in the same file the team that Group becomes', () => {
    expect(catalog.teams.map((t) => t.name)).toContain(catalog.apps[0]?.teamName);
  });

  it('turns Groups into teams named by their display name', () => {
    expect(catalog.teams).toEqual([
      {
        name: 'Payments Team',
        description: 'The payments squad.',
        externalId: 'group:default/payments-team',
      },
      { name: 'storefront', description: '', externalId: 'group:retail/storefront' },
    ]);
  });

  it('skips and counts every other kind', () => {
    expect(catalog.skipped).toEqual([
      { reason: 'kind: API', count: 2 },
      { reason: 'kind: System', count: 1 },
      { reason: 'kind: Location', count: 1 },
      { reason: 'kind: User', count: 1 },
    ]);
    expect(catalog.rejected).toEqual([]);
  });

  it('rejects broken documents with their number, field and problem, and imports the rest', () => {
    const result = parseBackstageCatalog(fixture('with-broken-documents.yaml'));
    expect(result.apps.map((a) => [a.location, a.name, a.teamName])).toEqual([
      ['Document 1', 'Orders', 'orders-team'],
      ['Document 7', 'inventory', 'orders-team'],
    ]);
    expect(result.skipped).toEqual([{ reason: 'kind: Resource', count: 1 }]);
    expect(result.rejected.map((r) => [r.location, r.field])).toEqual([
      ['Document 2', 'metadata.name'],
      ['Document 3', ''],
      ['Document 4', ''],
      ['Document 5', 'metadata'],
    ]);
    const [noName, badYaml, list, noMetadata] = result.rejected;
    expect(noName?.problem).toBe('is missing; every entity needs a name (the document starts on line 10)');
    expect(badYaml?.problem).toMatch(/^is not valid YAML: .*line \d+/);
    expect(list?.problem).toMatch(/^is not a mapping of fields/);
    expect(noMetadata?.problem).toMatch(/^is missing; every entity needs metadata with a name/);
  });

  it('rejects entities without apiVersion or kind, and fields of the wrong shape', () => {
    const result = parseBackstageCatalog(
      [
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ok',
        'kind: Component\nmetadata:\n  name: no-api-version',
        'apiVersion: backstage.io/v1alpha1\nmetadata:\n  name: no-kind',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [a, b]',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bad-spec\nspec: just text',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bad-owner\nspec:\n  owner: [x]',
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: long\n  title: ${'t'.repeat(201)}`,
      ].join('\n---\n'),
    );
    expect(result.apps.map((a) => a.name)).toEqual(['ok']);
    expect(
      result.rejected.map((r) => [r.location, r.field, r.problem.replace(/ \(the document.*$/, '')]),
    ).toEqual([
      [
        'Document 2',
        'apiVersion',
        'is missing; a Backstage entity starts with apiVersion: backstage.io/v1alpha1',
      ],
      ['Document 3', 'kind', 'is missing; a Backstage entity has a kind such as Component'],
      ['Document 4', 'metadata.name', 'must be text'],
      ['Document 5', 'spec', 'must be a mapping of fields'],
      ['Document 6', 'spec.owner', 'must be text'],
      ['Document 7', 'metadata.title', 'App name must be at most 200 characters'],
    ]);
  });

  it('names the line each rejected document starts on', () => {
    const result = parseBackstageCatalog(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {}\n',
    );
    expect(result.rejected).toEqual([
      {
        location: 'Document 2',
        field: 'metadata.name',
        problem: 'is missing; every entity needs a name (the document starts on line 5)',
      },
    ]);
  });

  it('ignores empty documents, a leading --- and a byte order mark', () => {
    const result = parseBackstageCatalog(
      '\uFEFF---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n---\n---\n',
    );
    expect(result.apps.map((a) => a.externalId)).toEqual(['component:default/a']);
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  it('reads kinds without regard to case, as Backstage does', () => {
    const result = parseBackstageCatalog(
      'apiVersion: backstage.io/v1alpha1\nkind: component\nmetadata:\n  name: a\n---\napiVersion: backstage.io/v1alpha1\nkind: GROUP\nmetadata:\n  name: g',
    );
    expect(result.apps).toHaveLength(1);
    expect(result.teams).toHaveLength(1);
  });

  it('reads the JSON the catalog API returns, an array of entities or { items }', () => {
    const entity = (kind: string, name: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name },
    });
    const array = parseBackstageCatalog(
      JSON.stringify([entity('Component', 'a'), entity('Group', 'g'), { kind: 'Component' }]),
    );
    expect(array.apps.map((a) => a.externalId)).toEqual(['component:default/a']);
    expect(array.teams.map((t) => t.name)).toEqual(['g']);
    expect(array.rejected.map((r) => [r.location, r.field])).toEqual([['Document 1, item 3', 'apiVersion']]);
    const items = parseBackstageCatalog(
      JSON.stringify({ items: [entity('Component', 'b'), entity('API', 'x')], totalItems: 2 }),
    );
    expect(items.apps.map((a) => a.name)).toEqual(['b']);
    expect(items.skipped).toEqual([{ reason: 'kind: API', count: 1 }]);
    expect(() => parseBackstageCatalog('[1, 2, 3]')).toThrow(/not a Backstage catalog/);
  });

  it('refuses YAML that holds no Backstage entity', () => {
    expect(fileError(() => parseBackstageCatalog(fixture('not-a-catalog.yaml')))).toMatch(
      /^This file is not a Backstage catalog/,
    );
    expect(fileError(() => parseBackstageCatalog('just a sentence of text'))).toMatch(
      /^This file is not a Backstage catalog/,
    );
  });

  it('refuses a file that is not valid YAML at all', () => {
    expect(fileError(() => parseBackstageCatalog(fixture('broken-yaml.yaml')))).toMatch(
      /^This file is not valid YAML: .+/,
    );
  });

  it('refuses binary data and an empty file', () => {
    expect(fileError(() => parseBackstageCatalog('\u0000\u0001\u0002kind: Component'))).toMatch(
      /binary data/,
    );
    expect(fileError(() => parseBackstageCatalog('\n\n'))).toMatch(/empty/);
  });

  it('rejects a document that expands aliases without end (a "billion laughs" file)', () => {
    const lines = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: bomb',
      'a0: &a0 [x, x]',
    ];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const ok = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: fine';
    const result = parseBackstageCatalog(`${ok}\n---\n${lines.join('\n')}\n`);
    expect(result.apps.map((a) => a.name)).toEqual(['fine']);
    expect(result.rejected[0]).toMatchObject({ location: 'Document 2', field: '' });
    expect(result.rejected[0]?.problem).toMatch(/^cannot be read: .*alias/i);
  });
});

describe('real catalog files, whatever the length of their lines', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('imports the catalog API’s compact JSON: 300 entities, about 350 KB, on one line', () => {
    const json = catalogApiJson(300);
    expect(json).not.toContain('\n');
    expect(json.length).toBeGreaterThan(300_000);
    for (const text of [json, catalogApiJson(300, true)]) {
      const catalog = catalogFromDocuments(readDocuments('entities.json', bytes(text)));
      expect(catalog.apps).toHaveLength(300);
      expect(catalog.rejected).toEqual([]);
      expect(catalog.apps[0]).toMatchObject({
        location: 'Document 1, item 1',
        name: 'Service 1',
        teamName: 'team-a',
        externalId: 'component:default/service-001',
        system: 'system-1',
      });
      // The same file chosen as YAML (JSON is YAML) reads the same.
      expect(parseBackstageCatalog(bytes(text)).apps).toEqual(catalog.apps);
    }
  });

  it('imports the Components of a YAML file whose API entity has a 200,000-character definition', () => {
    const text = yamlWithLongDefinition(200_000);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeGreaterThan(200_000);
    const catalog = catalogFromDocuments(readDocuments('catalog-info.yaml', bytes(text)));
    expect(catalog.apps.map((a) => a.externalId)).toEqual([
      'component:default/payments-api',
      'component:default/refunds',
    ]);
    expect(catalog.skipped).toEqual([{ reason: 'kind: API', count: 1 }]);
    expect(catalog.rejected).toEqual([]);
  });

  it('says what is really wrong with a broken one-line JSON file: where the parser stopped', () => {
    const broken = catalogApiJson(300).slice(0, -2000);
    const message = fileError(() => readDocuments('entities.json', bytes(broken)));
    expect(message).toMatch(/^This file is not valid JSON: /);
    expect(message).not.toMatch(/characters long|does not look like/);
  });

  it('still refuses an absurd line in a CSV, and points a catalog chosen as a CSV to the catalog import', () => {
    expect(fileError(() => parseCsvFile(catalogApiJson(300)))).toMatch(
      /^Line 1 is [\d,]+ characters long; the longest line that can be imported is 100,000 characters\. It is JSON, not a CSV: .*choose “Backstage catalog”/,
    );
    expect(fileError(() => parseCsvFile(yamlWithLongDefinition(200_000)))).toMatch(
      /^Line 18 is [\d,]+ characters long; .*It is a Backstage catalog, not a CSV/,
    );
    expect(fileError(() => parseCsvFile(`Name,Team\n${'x'.repeat(100_001)}\n`))).toMatch(
      /^Line 2 is 100,001 characters long; .*No row of a CSV file is that long/,
    );
  });
});

describe('Location entities and several files read together', () => {
  const read = (name: string) => ({ name, documents: readDocuments(name, fixture(name)) });

  it('reads what a Location names, and says those files should be imported', () => {
    const catalog = catalogFromFiles([read('all.yaml')]);
    expect(catalog.apps).toEqual([]);
    expect(catalog.skipped).toEqual([{ reason: 'kind: Location', count: 1 }]);
    expect(catalog.locations).toEqual([
      {
        location: 'Document 1',
        name: 'example-all',
        targets: ['./team-b-group.yaml', './team-b-components.yaml', './apis/payments-api.yaml'],
      },
    ]);
    expect(describeLocations(catalog.locations, ['all.yaml'])).toBe(
      '“example-all” is a Backstage Location: it imports nothing itself but names 3 catalog files: ' +
        './team-b-group.yaml, ./team-b-components.yaml and ./apis/payments-api.yaml. Import those files ' +
        'to bring in their Components and Groups (choose several files together, with or without the Location).',
    );
  });

  it('reads spec.target as well as spec.targets, and a URL target by its file name', () => {
    const catalog = parseBackstageCatalog(
      [
        'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: acme-corp\nspec:\n  type: url\n  target: https://example.com/acme/org.yaml?raw=true',
        'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: more\nspec:\n  targets: [./a.yaml, 7, ./b.yaml]',
      ].join('\n---\n'),
    );
    expect(catalog.locations.map((l) => l.targets)).toEqual([
      ['https://example.com/acme/org.yaml?raw=true'],
      ['./a.yaml', './b.yaml'],
    ]);
    expect(describeLocations(catalog.locations, ['ORG.yaml', 'a.yaml'])).toBe(
      '“acme-corp” and “more” are Backstage Locations: they import nothing themselves but name 3 catalog ' +
        'files; 1 of them is not among the files chosen: ./b.yaml. Import that file to bring in their ' +
        'Components and Groups (choose several files together, with or without the Location).',
    );
    expect(describeLocations(catalog.locations, ['org.yaml', 'a.yaml', 'b.yaml'])).toMatch(
      /name 3 catalog files, all among the files chosen\.$/,
    );
    expect(describeLocations([], [])).toBeNull();
  });

  it('reads a Location with the files it names as one catalog: each document located in its file', () => {
    const catalog = catalogFromFiles([
      read('all.yaml'),
      read('team-b-components.yaml'),
      read('team-b-group.yaml'),
    ]);
    expect(catalog.apps.map((a) => [a.location, a.teamName, a.teamRef])).toEqual([
      ['team-b-components.yaml, Document 1', 'Team B', 'group:default/team-b'],
      ['team-b-components.yaml, Document 2', 'Team B', 'group:default/team-b'],
      ['team-b-components.yaml, Document 3', 'Team B', 'group:retail/team-b'],
    ]);
    expect(catalog.teams.map((t) => t.externalId)).toEqual(['group:default/team-b']);
    expect(catalog.locations[0]?.location).toBe('all.yaml, Document 1');
    expect(
      describeLocations(catalog.locations, ['all.yaml', 'team-b-components.yaml', 'team-b-group.yaml']),
    ).toMatch(/; 1 of them is not among the files chosen: \.\/apis\/payments-api\.yaml\. Import that file/);
  });

  it('names the file that is not a catalog when several are read together', () => {
    const notes = { name: 'notes.yaml', documents: readDocuments('notes.yaml', 'just: notes\n') };
    expect(fileError(() => catalogFromFiles([read('all.yaml'), notes]))).toMatch(
      /^notes\.yaml: this file is not a Backstage catalog/,
    );
  });
});
