/**
 * The people list and the teams overview as pure functions over plain arrays: each person with
 * their team's name, the filters (text, team, role, can seed, still in the program or left), and
 * the teams grouped by kind with how many current people each has. Screens only render these,
 * so 5,000 people and 1,000 teams filter in one pass, and the rules are tested without a DOM.
 */
import { collator } from './app-table';
import {
  isCurrentPerson,
  ROLE_LABELS,
  ROLES,
  TEAM_KINDS,
  type Person,
  type Role,
  type Team,
  type TeamKind,
} from './people';

/** The team filter's value for people without a team. */
export const NO_TEAM = '__none__';

export type SeedFilter = '' | 'yes' | 'no';
/** Current people (the default), people who left, or both. */
export type StatusFilter = 'current' | 'left' | 'all';

export interface PeopleFilters {
  /** Words that must all appear in the name, team, roles or notes (any case). */
  text: string;
  /** A team id, NO_TEAM, or '' for every team. */
  teamId: string;
  role: Role | '';
  seed: SeedFilter;
  status: StatusFilter;
}

export const EMPTY_PEOPLE_FILTERS: PeopleFilters = {
  text: '',
  teamId: '',
  role: '',
  seed: '',
  status: 'current',
};

export function hasPeopleFilters(filters: PeopleFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.teamId !== '' ||
    filters.role !== '' ||
    filters.seed !== '' ||
    filters.status !== 'current'
  );
}

/** One person as the list shows them. */
export interface PersonRow {
  person: Person;
  /** '' when the person has no team (or it was deleted). */
  teamName: string;
  /** The role labels in the order of ROLES ("Advocate, Engineer"). */
  roleLabels: string[];
  /** What the text filter searches, in lower case. */
  search: string;
}

/** Every person with their team's name and role labels, sorted by name (then id, so the order is stable). */
export function buildPersonRows(people: readonly Person[], teams: readonly Team[]): PersonRow[] {
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const rows = people.map((person): PersonRow => {
    const teamName = (person.teamId && teamNames.get(person.teamId)) || '';
    const roleLabels = ROLES.filter((role) => person.roles.includes(role)).map((role) => ROLE_LABELS[role]);
    return {
      person,
      teamName,
      roleLabels,
      search: `${person.name}\n${teamName}\n${roleLabels.join('\n')}\n${person.notes}`.toLowerCase(),
    };
  });
  return rows.sort(
    (a, b) => collator.compare(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : 1),
  );
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The rows that pass every filter, in the order given. */
export function filterPeople(rows: readonly PersonRow[], filters: PeopleFilters): PersonRow[] {
  const wanted = words(filters.text);
  return rows.filter(({ person, search }) => {
    const current = isCurrentPerson(person);
    if (filters.status === 'current' && !current) return false;
    if (filters.status === 'left' && current) return false;
    if (
      filters.teamId === NO_TEAM ? person.teamId !== null : filters.teamId && person.teamId !== filters.teamId
    )
      return false;
    if (filters.role && !person.roles.includes(filters.role)) return false;
    if (filters.seed === 'yes' && !person.canSeed) return false;
    if (filters.seed === 'no' && person.canSeed) return false;
    return wanted.every((w) => search.includes(w));
  });
}

/** How many current people each team has, by team id (teams without people are absent). */
export function headcounts(people: readonly Person[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of people) {
    if (p.teamId && isCurrentPerson(p)) counts.set(p.teamId, (counts.get(p.teamId) ?? 0) + 1);
  }
  return counts;
}

export interface TeamWithCount {
  team: Team;
  /** Current people in the team. */
  people: number;
}

export interface TeamKindGroup {
  kind: TeamKind;
  teams: TeamWithCount[];
  /** Current people in the kind's teams. */
  people: number;
}

/**
 * The teams grouped by kind, in TEAM_KINDS order (every kind, even without teams), each sorted by
 * name; only teams whose name contains every word of `text` (any case).
 */
export function teamsByKind(
  teams: readonly Team[],
  counts: ReadonlyMap<string, number>,
  text = '',
): TeamKindGroup[] {
  const wanted = words(text);
  const groups = new Map<TeamKind, TeamWithCount[]>(TEAM_KINDS.map((k) => [k, []]));
  for (const team of teams) {
    const name = team.name.toLowerCase();
    if (!wanted.every((w) => name.includes(w))) continue;
    groups.get(team.kind)?.push({ team, people: counts.get(team.id) ?? 0 });
  }
  return TEAM_KINDS.map((kind) => {
    const list = groups
      .get(kind)!
      .sort((a, b) => collator.compare(a.team.name, b.team.name) || (a.team.id < b.team.id ? -1 : 1));
    return { kind, teams: list, people: list.reduce((n, t) => n + t.people, 0) };
  });
}
