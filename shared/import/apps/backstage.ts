/**
 * Backstage catalog import: a catalog-info.yaml (or an all-entities dump) as Backstage writes it
 * — several YAML documents separated by `---`, each an entity with apiVersion, kind, metadata and
 * spec. `kind: Component` entities become apps and `kind: Group` entities become teams; every
 * other kind (API, System, Domain, Resource, User, Location, Template…) is skipped and counted.
 *
 * Mapping of a Component:
 * - name: metadata.title, else metadata.name; description: metadata.description.
 * - team: spec.owner, an entity ref (`group:default/payments-team`, `payments-team`), kept as the
 *   record's teamRef (`group:<namespace>/<name>`): the import finds the team by it (teams.ts, which
 *   ignores the namespace). The team's name is the Group's display name when the file also holds
 *   that Group, else the ref's name. A `user:` owner is a person, not a team: the app gets no team
 *   and the owner's ref is kept as the last line of the description, so it is not lost.
 * - lifecycle: spec.lifecycle; system: spec.system (its name, without kind or namespace).
 * - external id: the entity ref `component:<namespace>/<name>` (namespace `default` when absent),
 *   which is what re-imports match on.
 * A Group becomes a team named spec.profile.displayName, else metadata.title, else metadata.name,
 * with metadata.description as its notes and its entity ref `group:<namespace>/<name>`.
 *
 * A document that is not valid YAML, not a mapping, or misses apiVersion, kind or metadata.name is
 * rejected as "Document N" (N counts the documents in the file from 1); empty documents are ignored.
 * The JSON the catalog API returns (an array of entities, or `{ "items": [...] }`) is read too; its
 * entities are located as "Document 1, item N". Reading the file into documents is the general
 * reader's (read/documents.ts); this module only knows what a catalog's documents mean.
 */
import type { TextFileLimits } from '../file-checks';
import { parseYamlFile, type FileDocument } from '../read/documents';
import type { FileContent } from '../read/text';
import { ImportFileError, type RejectedRow } from '../types';
import { teamRefKey } from './teams';
import {
  appImportRecordSchema,
  type AppImportRecord,
  type ParsedImport,
  type TeamImportRecord,
} from './records';

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface EntityRef {
  kind: string | null;
  namespace: string;
  name: string;
}

/** Parses `[kind:][namespace/]name`; the namespace defaults to `default`, the kind to null. */
export function parseEntityRef(ref: string): EntityRef {
  const text = ref.trim();
  const colon = text.indexOf(':');
  const kind = colon > 0 ? text.slice(0, colon).toLowerCase() : null;
  const rest = colon > 0 ? text.slice(colon + 1) : text;
  const slash = rest.indexOf('/');
  return slash >= 0
    ? { kind, namespace: rest.slice(0, slash) || 'default', name: rest.slice(slash + 1) }
    : { kind, namespace: 'default', name: rest };
}

class DocumentProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentProblem';
  }
}

/** An optional text field of an entity: '' when absent, a problem when it is not text. */
function text(owner: Mapping, key: string, path: string): string {
  const value = owner[key];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DocumentProblem(path, 'must be text');
}

function optionalMapping(owner: Mapping, key: string, path: string): Mapping {
  const value = owner[key];
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) throw new DocumentProblem(path, 'must be a mapping of fields');
  return value;
}

interface Entity {
  kind: string;
  namespace: string;
  name: string;
  metadata: Mapping;
  spec: Mapping;
}

/** The parts every entity needs, or a DocumentProblem naming the first one missing. */
function readEntity(doc: Mapping): Entity {
  if (doc.apiVersion === undefined || doc.apiVersion === null || doc.apiVersion === '') {
    throw new DocumentProblem(
      'apiVersion',
      'is missing; a Backstage entity starts with apiVersion: backstage.io/v1alpha1',
    );
  }
  const kind = text(doc, 'kind', 'kind');
  if (kind === '')
    throw new DocumentProblem('kind', 'is missing; a Backstage entity has a kind such as Component');
  if (doc.metadata === undefined || doc.metadata === null) {
    throw new DocumentProblem('metadata', 'is missing; every entity needs metadata with a name');
  }
  const metadata = optionalMapping(doc, 'metadata', 'metadata');
  if (metadata.name === undefined || metadata.name === null || metadata.name === '') {
    throw new DocumentProblem('metadata.name', 'is missing; every entity needs a name');
  }
  if (typeof metadata.name !== 'string') throw new DocumentProblem('metadata.name', 'must be text');
  const name = metadata.name.trim();
  if (name === '') throw new DocumentProblem('metadata.name', 'is missing; every entity needs a name');
  const namespace = text(metadata, 'namespace', 'metadata.namespace') || 'default';
  const spec = optionalMapping(doc, 'spec', 'spec');
  return { kind, namespace, name, metadata, spec };
}

const APP_FIELD_PATHS: Record<string, string> = {
  name: 'metadata.title',
  teamName: 'spec.owner',
  teamRef: 'spec.owner',
  description: 'metadata.description',
  externalId: 'metadata.name',
  lifecycle: 'spec.lifecycle',
  system: 'spec.system',
};

/**
 * Reads a Backstage catalog file (YAML, or the catalog API's JSON, which is YAML too) into app
 * and team records. Throws an {@link ImportFileError} when the file is not text, or when none of
 * its documents is a Backstage entity (broken YAML throughout, or YAML of another kind).
 */
export function parseBackstageCatalog(source: FileContent, limits?: TextFileLimits): ParsedCatalog {
  return catalogFromDocuments(parseYamlFile(source, limits));
}

/** A Location entity: it imports nothing itself, it names the catalog files that hold entities. */
export interface CatalogLocation {
  /** Where it is: "Document 1" (or "all.yaml, Document 1" when several files are read together). */
  location: string;
  /** Its metadata.name. */
  name: string;
  /** spec.target and spec.targets, as written (relative paths or URLs). */
  targets: string[];
}

/** A catalog read into records, with the Locations it holds. */
export interface ParsedCatalog extends ParsedImport {
  locations: CatalogLocation[];
}

/** One file of a catalog, read into documents (read/documents.ts: YAML or JSON). */
export interface CatalogFile {
  name: string;
  documents: readonly FileDocument[];
}

/**
 * Reads the documents of a catalog file into app and team records; see the module comment for
 * the mapping. Throws an {@link ImportFileError} when none of the documents is a Backstage entity.
 */
export function catalogFromDocuments(documents: readonly FileDocument[]): ParsedCatalog {
  return catalogFromFiles([{ name: '', documents }]);
}

/**
 * Reads several catalog files chosen together as one catalog (a Location and the files it names,
 * Groups in one file and the Components they own in others): each document is located as
 * "file, Document N" when there is more than one file. Throws an {@link ImportFileError}, naming
 * the file, when one of them holds no Backstage entity.
 */
export function catalogFromFiles(files: readonly CatalogFile[]): ParsedCatalog {
  const out: ParsedCatalog = { apps: [], teams: [], rejected: [], skipped: [], locations: [] };
  const skippedByKind = new Map<string, { kind: string; count: number }>();
  const entities: { location: string; startLine: number; entity: Entity }[] = [];
  let entityLike = 0;

  /** One entity-shaped value: counted, read, or rejected with what is wrong. */
  const addEntity = (value: unknown, location: string, startLine: number) => {
    if (!isMapping(value)) {
      out.rejected.push({
        location,
        field: '',
        problem: atLine(
          'is not a mapping of fields (apiVersion, kind, metadata, spec), so it is not an entity',
          startLine,
        ),
      });
      return;
    }
    if (typeof value.kind === 'string' || typeof value.apiVersion === 'string') entityLike++;
    try {
      entities.push({ location, startLine, entity: readEntity(value) });
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
      out.rejected.push({ location, field: error.field, problem: atLine(error.message, startLine) });
    }
  };

  for (const file of files) {
    const prefix = files.length > 1 ? `${file.name}, ` : '';
    const entitiesBefore = entityLike;
    let yamlErrors = 0;
    let firstYamlError = '';
    for (const doc of file.documents) {
      const location = `${prefix}Document ${doc.number}`;
      const startLine = doc.line;
      if ('error' in doc) {
        if (doc.error.syntax) {
          yamlErrors++;
          if (!firstYamlError) firstYamlError = doc.error.message;
          out.rejected.push({
            location,
            field: '',
            problem: atLine(`is not valid YAML: ${doc.error.message}`, startLine),
          });
        } else {
          out.rejected.push({
            location,
            field: '',
            problem: atLine(`cannot be read: ${doc.error.message}`, startLine),
          });
        }
        continue;
      }
      const value = doc.value;
      if (value === null || value === undefined) continue; // an empty document, e.g. after a trailing ---
      // The catalog API's JSON (an array of entities, or { items: [...] }): read its items.
      const items = Array.isArray(value)
        ? value.some(isMapping)
          ? value
          : null
        : isMapping(value) && value.kind === undefined && Array.isArray(value.items)
          ? value.items
          : null;
      if (items) items.forEach((item, k) => addEntity(item, `${location}, item ${k + 1}`, startLine));
      else addEntity(value, location, startLine);
    }

    if (entityLike === entitiesBefore) {
      const which = files.length > 1 ? `${file.name}: this file` : 'This file';
      if (yamlErrors > 0) throw new ImportFileError(`${which} is not valid YAML: ${firstYamlError}`);
      throw new ImportFileError(
        `${which} is not a Backstage catalog: none of its documents is an entity with apiVersion and kind ` +
          '(for example kind: Component).',
      );
    }
  }

  // Groups first, so that a Component owned by a Group in the same file gets that team's name.
  const teamNameByGroup = new Map<string, string>();
  for (const { location, startLine, entity } of entities) {
    if (entity.kind.toLowerCase() !== 'group') continue;
    try {
      const profile = optionalMapping(entity.spec, 'profile', 'spec.profile');
      const displayName = text(profile, 'displayName', 'spec.profile.displayName');
      const name = displayName || text(entity.metadata, 'title', 'metadata.title') || entity.name;
      if (name.length > 200)
        throw new DocumentProblem('spec.profile.displayName', 'must be at most 200 characters');
      const ref = `group:${entity.namespace}/${entity.name}`;
      const team: TeamImportRecord = {
        name,
        description: text(entity.metadata, 'description', 'metadata.description'),
        externalId: ref,
      };
      out.teams.push(team);
      // The namespace is ignored, as the import does (teams.ts): the first Group of a name wins.
      if (!teamNameByGroup.has(teamRefKey(ref))) teamNameByGroup.set(teamRefKey(ref), name);
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
      out.rejected.push({ location, field: error.field, problem: atLine(error.message, startLine) });
    }
  }

  for (const { location, startLine, entity } of entities) {
    const kind = entity.kind.toLowerCase();
    if (kind === 'group') continue;
    if (kind === 'location')
      out.locations.push({ location, name: entity.name, targets: targetsOf(entity.spec) });
    if (kind !== 'component') {
      const seen = skippedByKind.get(kind);
      if (seen) seen.count++;
      else skippedByKind.set(kind, { kind: entity.kind, count: 1 });
      continue;
    }
    const problems: RejectedRow[] = [];
    try {
      const { metadata, spec } = entity;
      let description = text(metadata, 'description', 'metadata.description');
      let teamName: string | null = null;
      let teamRef: string | null = null;
      const ownerText = text(spec, 'owner', 'spec.owner');
      if (ownerText !== '') {
        const owner = parseEntityRef(ownerText);
        if (owner.kind === null || owner.kind === 'group') {
          teamRef = `group:${owner.namespace}/${owner.name}`;
          teamName = teamNameByGroup.get(teamRefKey(teamRef)) ?? owner.name;
        } else {
          // A user (or another kind) owns it: keep who, without inventing a team for one person.
          description = `${description}${description ? '\n\n' : ''}Owner in Backstage: ${ownerText}`;
        }
      }
      const systemText = text(spec, 'system', 'spec.system');
      const record: AppImportRecord = {
        name: text(metadata, 'title', 'metadata.title') || entity.name,
        teamName: teamName || null,
        ...(teamRef && { teamRef }),
        description,
        externalId: `component:${entity.namespace}/${entity.name}`,
        lifecycle: text(spec, 'lifecycle', 'spec.lifecycle'),
        system: systemText ? parseEntityRef(systemText).name : '',
      };
      const checked = appImportRecordSchema.safeParse(record);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const key = String(issue.path[0] ?? '');
          problems.push({
            location,
            field: APP_FIELD_PATHS[key] ?? key,
            problem: atLine(issue.message, startLine),
          });
        }
      } else {
        out.apps.push({ ...record, location });
      }
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
      problems.push({ location, field: error.field, problem: atLine(error.message, startLine) });
    }
    out.rejected.push(...problems);
  }

  for (const { kind, count } of skippedByKind.values()) out.skipped.push({ reason: `kind: ${kind}`, count });
  return out;
}

/** A Location's spec.target and spec.targets: the text ones, in order, each once. */
function targetsOf(spec: Mapping): string[] {
  const listed = Array.isArray(spec.targets) ? spec.targets : [];
  const all = [spec.target, ...listed].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  return [...new Set(all.map((t) => t.trim()))];
}

/** The file name a Location's target ends in: `./components/a.yaml` and `https://…/a.yaml?raw` → `a.yaml`. */
function targetFileName(target: string): string {
  const path = target.split(/[?#]/)[0] ?? '';
  return (path.split(/[\\/]/).pop() ?? '').toLowerCase();
}

/** Lists at most `max` items: "a, b and c", "a, b, c and 4 more". */
function listOf(items: readonly string[], max = 6): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

/**
 * What to tell the user about the Locations of a catalog: a Location imports nothing itself, it
 * names the files that hold the entities; which of them are not among the files chosen (by file
 * name), and that those should be imported, several at once. null when there is no Location.
 */
export function describeLocations(
  locations: readonly CatalogLocation[],
  chosen: readonly string[],
): string | null {
  if (locations.length === 0) return null;
  const have = new Set(chosen.map((name) => name.toLowerCase()));
  const targets = [...new Set(locations.flatMap((l) => l.targets))];
  const names = listOf(locations.map((l) => `“${l.name}”`));
  const one = locations.length === 1;
  const what = one ? 'is a Backstage Location' : 'are Backstage Locations';
  if (targets.length === 0) return `${names} ${what}, which import nothing and name no file.`;
  const missing = targets.filter((t) => !have.has(targetFileName(t)));
  const verb = one ? 'it imports nothing itself but names' : 'they import nothing themselves but name';
  const head = `${names} ${what}: ${verb} ${targets.length === 1 ? 'one catalog file' : `${targets.length} catalog files`}`;
  if (missing.length === 0) return `${head}, all among the files chosen.`;
  const which =
    missing.length < targets.length
      ? `; ${missing.length} of them ${missing.length === 1 ? 'is' : 'are'} not among the files chosen: `
      : ': ';
  const them = missing.length === 1 ? 'that file' : 'those files';
  return (
    `${head}${which}${listOf(missing)}. Import ${them} to bring in their Components and Groups ` +
    '(choose several files together, with or without the Location).'
  );
}

/** Where to look in a file of thousands of entities. */
function atLine(problem: string, line: number): string {
  return `${problem} (the document starts on line ${line})`;
}
