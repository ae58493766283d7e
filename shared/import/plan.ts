/**
 * Planning an import against what is already stored: which records create apps, which update
 * existing ones, which teams have to be created, and which records are rejected as duplicates.
 * Pure, so the preview shows exactly what the import will do, and importing the same file twice
 * creates nothing the second time.
 *
 * Matching, in two passes so that the order of rows does not change the outcome:
 * 1. A record with an external id updates the app with that external id.
 * 2. Every other record is matched by name (trimmed, case-insensitive): a record without an
 *    external id prefers an app without one, then any app of that name; a record whose external
 *    id matched nothing only takes an app of that name that has no external id yet (it links
 *    that app), never one linked to another entity. No match: the record creates an app.
 * An app is updated by one record at most.
 *
 * Duplicates within one file (same external id, or same name when there is none): the first
 * occurrence is imported and every later one is rejected, naming the first. Merging silently
 * would hide that the file disagrees with itself.
 */
import type { AppInput } from '../domain/apps';
import type { App } from '../domain/apps';
import type { Team } from '../domain/people';
import type { AppImportRecord, ParsedImport, RejectedRow } from './types';

export type LocatedImportRecord = AppImportRecord & { location: string };

export interface ImportPlan {
  creates: LocatedImportRecord[];
  updates: { id: string; record: LocatedImportRecord }[];
  /** Names of teams to create, spelled as in the file's first mention. */
  teamsToCreate: string[];
  /** The parser's rejections, then the duplicates found here. */
  rejected: RejectedRow[];
  /** Rows or documents left out on purpose (empty rows, other entity kinds). */
  skipped: number;
}

/** The key names are compared on: trimmed, inner white space collapsed, case-insensitive. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function externalKey(externalId: string | null): string | null {
  const key = externalId?.trim() ?? '';
  return key === '' ? null : key;
}

type ExistingApp = Pick<App, 'id' | 'name' | 'externalId'>;

/** Plans `parsed` against the existing apps and teams. See the module comment for the rules. */
export function planImport(
  existing: { apps: readonly ExistingApp[]; teams: readonly Pick<Team, 'id' | 'name'>[] },
  parsed: ParsedImport,
): ImportPlan {
  const rejected: RejectedRow[] = [...parsed.rejected];

  // Duplicates within the file: first occurrence wins.
  const firstByKey = new Map<string, string>();
  const records: LocatedImportRecord[] = [];
  for (const record of parsed.apps) {
    const ext = externalKey(record.externalId);
    const key = ext !== null ? `x:${ext}` : `n:${nameKey(record.name)}`;
    const first = firstByKey.get(key);
    if (first !== undefined) {
      const fromCatalog = record.location.startsWith('Document');
      rejected.push({
        location: record.location,
        field: fromCatalog ? 'metadata.name' : ext !== null ? 'External id' : 'App name',
        problem: `is the same app as ${first} (same ${ext !== null ? 'external id' : 'name'}); only the first is imported`,
      });
      continue;
    }
    firstByKey.set(key, record.location);
    records.push(record);
  }

  const byExternal = new Map<string, ExistingApp[]>();
  const byName = new Map<string, ExistingApp[]>();
  for (const app of existing.apps) {
    const ext = externalKey(app.externalId);
    if (ext !== null) push(byExternal, ext, app);
    push(byName, nameKey(app.name), app);
  }

  const claimed = new Set<string>();
  const target: (string | undefined)[] = new Array(records.length);

  // Pass 1: external ids.
  records.forEach((record, i) => {
    const ext = externalKey(record.externalId);
    if (ext === null) return;
    const match = byExternal.get(ext)?.find((a) => !claimed.has(a.id));
    if (match) {
      claimed.add(match.id);
      target[i] = match.id;
    }
  });

  // Pass 2: names.
  records.forEach((record, i) => {
    if (target[i] !== undefined) return;
    const candidates = (byName.get(nameKey(record.name)) ?? []).filter((a) => !claimed.has(a.id));
    const unlinked = candidates.find((a) => externalKey(a.externalId) === null);
    const match = externalKey(record.externalId) !== null ? unlinked : (unlinked ?? candidates[0]);
    if (match) {
      claimed.add(match.id);
      target[i] = match.id;
    }
  });

  const creates: LocatedImportRecord[] = [];
  const updates: { id: string; record: LocatedImportRecord }[] = [];
  records.forEach((record, i) => {
    const id = target[i];
    if (id === undefined) creates.push(record);
    else updates.push({ id, record });
  });

  const knownTeams = new Set(existing.teams.map((t) => nameKey(t.name)));
  const teamsToCreate: string[] = [];
  const addTeam = (name: string | null) => {
    const trimmed = name?.trim() ?? '';
    if (trimmed === '') return;
    const key = nameKey(trimmed);
    if (knownTeams.has(key)) return;
    knownTeams.add(key);
    teamsToCreate.push(trimmed);
  };
  for (const team of parsed.teams) addTeam(team.name);
  for (const record of records) addTeam(record.teamName);

  const skipped = parsed.skipped.reduce((sum, s) => sum + s.count, 0);
  return { creates, updates, teamsToCreate, rejected, skipped };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The new app for a record that creates one. `teamId` is the id of the record's team (existing
 * or just created), null when it names none.
 */
export function importRecordInput(record: AppImportRecord, teamId: string | null): AppInput {
  return {
    name: record.name.trim(),
    teamId,
    description: record.description,
    externalId: externalKey(record.externalId),
    lifecycle: record.lifecycle,
    system: record.system,
    stage: record.stage ?? 'candidate',
    businessScore: record.businessScore ?? null,
    technicalScore: record.technicalScore ?? null,
    selectedOn: record.selectedOn ?? null,
    firstDeployOn: record.firstDeployOn ?? null,
    productionOn: record.productionOn ?? null,
  };
}

/**
 * The fields a record writes over an existing app. An import never blanks out a stored value:
 * empty text, null and undefined leave the field as it is; the name (always present) is updated.
 * `teamId` is the record's team, null or undefined when it names none (the team is kept).
 */
export function importRecordPatch(record: AppImportRecord, teamId?: string | null): Partial<AppInput> {
  const patch: Partial<AppInput> = { name: record.name.trim() };
  if (teamId) patch.teamId = teamId;
  const ext = externalKey(record.externalId);
  if (ext !== null) patch.externalId = ext;
  if (record.description.trim() !== '') patch.description = record.description;
  if (record.lifecycle.trim() !== '') patch.lifecycle = record.lifecycle;
  if (record.system.trim() !== '') patch.system = record.system;
  if (record.stage !== undefined) patch.stage = record.stage;
  if (record.businessScore != null) patch.businessScore = record.businessScore;
  if (record.technicalScore != null) patch.technicalScore = record.technicalScore;
  if (record.selectedOn != null) patch.selectedOn = record.selectedOn;
  if (record.firstDeployOn != null) patch.firstDeployOn = record.firstDeployOn;
  if (record.productionOn != null) patch.productionOn = record.productionOn;
  return patch;
}
