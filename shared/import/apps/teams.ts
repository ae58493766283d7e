/**
 * Which teams an apps import lands in: the teams a catalog declares (its Groups) and the teams
 * its records name (a CSV's Team column, a Component's owner), matched against the stored teams
 * so that one Group is one team, whatever the order the files are imported in. Pure: the preview
 * (plan.ts) and the import command (renderer/features/apps/data/import.ts, against the teams as
 * they are when it writes) run the same rules.
 *
 * Rules:
 * - A team from a catalog keeps the Group's entity ref (`group:default/team-b`) and is found by
 *   it. Refs are compared on the name alone, without regard to case: the kind and the namespace
 *   are ignored, so `group:other/team-b`, `group:default/team-b` and `team-b` are one team.
 * - A Group updates the team with its ref; else it links the team without a ref whose name is the
 *   Group's display name or its entity name (a team an earlier import or the user made); else it
 *   creates a team. Its display name becomes the team's name and its description the team's
 *   notes (an empty description keeps the notes).
 * - A record owned by a ref goes to the team with that ref; else it links a team without a ref
 *   named as the record's team (or whose name written as an entity name is the ref's name:
 *   "Team B" for `team-b`); else a team is created under the record's team name, with the ref.
 * - A record with a team name only (CSV) goes to a team of that name (trimmed, case-insensitive),
 *   else to the team of the catalog entity so named ("team-b" or "Team B" for `group:x/team-b`),
 *   else a new team of that name.
 * The first of several Groups with the same ref wins; later ones change nothing.
 */
import type { Team } from '../../domain/people';
import { nameKey, type AppImportRecord, type TeamImportRecord } from './records';

/** A stored team as the import needs it; teams stored before schema version 3 have no ref. */
export type ImportTeam = Pick<Team, 'id' | 'name'> & Partial<Pick<Team, 'notes' | 'externalRef'>>;

/** How a record names its team. */
export type TeamMention = Pick<AppImportRecord, 'teamName' | 'teamRef'>;

/** A team the import creates. */
export interface NewTeam {
  name: string;
  externalRef: string | null;
  notes: string;
  /** Declared by a Group of the file: created even when no imported app names it. */
  declared: boolean;
}

/** What the import changes in a stored team: the Group's name and description, or just the ref it links. */
export interface TeamChange {
  id: string;
  /** The team's name before the change. */
  name: string;
  patch: { name?: string; externalRef?: string; notes?: string };
  /** A Group of the file changes it: written even when no imported app is in the team. */
  declared: boolean;
}

export interface TeamPlan {
  creates: NewTeam[];
  updates: TeamChange[];
  /** The team a record lands in: a stored team (its id) or one of `creates`; null when it names none. */
  teamOf(record: TeamMention): { id: string } | NewTeam | null;
}

/** The entity name of a ref, as written: `group:default/team-b` → `team-b`. */
function refName(ref: string): string {
  const text = ref.trim();
  const colon = text.indexOf(':');
  const rest = colon > 0 ? text.slice(colon + 1) : text;
  return rest.slice(rest.indexOf('/') + 1);
}

/** The key refs are compared on: the entity name, lower case (kind and namespace dropped). */
export function teamRefKey(ref: string): string {
  return refName(ref).toLowerCase();
}

/** A team name as an entity name: "Team B" → "team-b". */
function entityNameOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A team the plan knows: stored or new, with the ref it has once the plan is applied. */
type Slot = (
  { kind: 'stored'; team: ImportTeam; change: TeamChange | null } | { kind: 'new'; team: NewTeam }
) & {
  ref: string | null;
};

/** Plans the teams of an import; see the module comment for the rules. */
export function planTeams(
  stored: readonly ImportTeam[],
  declared: readonly TeamImportRecord[],
  mentions: readonly TeamMention[],
): TeamPlan {
  const creates: NewTeam[] = [];
  const updates: TeamChange[] = [];
  const byRef = new Map<string, Slot>();
  const byName = new Map<string, Slot>();
  /** Teams by their name as an entity name, for owners written as refs. */
  const byEntityName = new Map<string, Slot>();

  const index = (slot: Slot) => {
    if (slot.ref) byRef.set(teamRefKey(slot.ref), slot);
    const key = nameKey(slot.team.name);
    if (!byName.has(key)) byName.set(key, slot);
    const entityName = entityNameOf(slot.team.name);
    if (!byEntityName.has(entityName)) byEntityName.set(entityName, slot);
  };
  for (const team of stored) index({ kind: 'stored', team, change: null, ref: team.externalRef ?? null });

  /** Records a change of a stored team (merged with an earlier change in this import). */
  const change = (slot: Slot & { kind: 'stored' }, patch: TeamChange['patch'], isDeclared: boolean) => {
    const effective = Object.fromEntries(
      Object.entries(patch).filter(([field, value]) => slot.team[field as keyof ImportTeam] !== value),
    ) as TeamChange['patch'];
    if (Object.keys(effective).length === 0) return;
    if (!slot.change) {
      slot.change = { id: slot.team.id, name: slot.team.name, patch: {}, declared: false };
      updates.push(slot.change);
    }
    Object.assign(slot.change.patch, effective);
    slot.change.declared ||= isDeclared;
  };

  /** Gives a team without a ref the ref a catalog knows it by. */
  const link = (slot: Slot, ref: string, patch: TeamChange['patch'], isDeclared: boolean) => {
    if (slot.kind === 'new') Object.assign(slot.team, { ...patch, externalRef: ref });
    else change(slot, { ...patch, externalRef: ref }, isDeclared);
    slot.ref = ref;
    byRef.set(teamRefKey(ref), slot);
  };

  /** The first of `candidates` that has no ref yet; undefined when none. */
  const unlinked = (...candidates: (Slot | undefined)[]) =>
    candidates.find((slot) => slot !== undefined && !slot.ref);

  /** The team a name alone means: a team of that name, else the team of the catalog entity so named. */
  const named = (name: string) => byName.get(nameKey(name)) ?? byRef.get(entityNameOf(name));

  const create = (team: NewTeam) => {
    creates.push(team);
    index({ kind: 'new', team, ref: team.externalRef });
  };

  for (const group of declared) {
    const ref = group.externalId?.trim();
    if (!ref) continue;
    const key = teamRefKey(ref);
    const name = group.name.trim();
    const notes = group.description.trim();
    const found = byRef.get(key);
    if (found) {
      // The first Group with this ref in the file wins; a stored team takes its name and notes.
      if (found.kind === 'stored' && !found.change?.declared)
        change(found, { name, ...(notes && { notes }) }, true);
      continue;
    }
    // Only stored teams can be without a ref here: the Groups come before the records' owners.
    const match = unlinked(byName.get(nameKey(name)), byName.get(key), byEntityName.get(key));
    if (match) link(match, ref, { name, ...(notes && { notes }) }, true);
    else create({ name, externalRef: ref, notes, declared: true });
  }

  for (const mention of mentions) {
    const name = mention.teamName?.trim() ?? '';
    const ref = mention.teamRef?.trim() ?? '';
    if (ref) {
      const key = teamRefKey(ref);
      if (byRef.has(key)) continue;
      const match = unlinked(byName.get(nameKey(name || key)), byEntityName.get(key));
      if (match) link(match, ref, {}, false);
      else create({ name: name || refName(ref), externalRef: ref, notes: '', declared: false });
    } else if (name && !named(name)) {
      create({ name, externalRef: null, notes: '', declared: false });
    }
  }

  const teamOf = (mention: TeamMention): { id: string } | NewTeam | null => {
    const ref = mention.teamRef?.trim();
    const name = mention.teamName?.trim();
    const slot = ref ? byRef.get(teamRefKey(ref)) : name ? named(name) : undefined;
    if (!slot) return null;
    return slot.kind === 'stored' ? { id: slot.team.id } : slot.team;
  };
  return { creates, updates, teamOf };
}
