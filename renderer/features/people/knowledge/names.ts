/** How the knowledge map names people, teams, apps and golden paths, from the records it read. */
import type { SubjectKind } from '../../../../shared/domain';
import type { KnowledgeData } from './queries';

export interface Names {
  person(id: string): string;
  /** The person's team's name, or '' without a team. */
  teamOf(personId: string): string;
  team(id: string): string;
  subject(kind: SubjectKind, id: string): string;
}

/** `appNames`: the onboarded apps' names, weighed with the holders (the page reads no other apps). */
export function namesOf(
  data: Pick<KnowledgeData, 'people' | 'teams' | 'goldenPaths'>,
  appNames: ReadonlyMap<string, string> = new Map(),
): Names {
  const people = new Map(data.people.map((p) => [p.id, p]));
  const teams = new Map(data.teams.map((t) => [t.id, t.name]));
  const apps = appNames;
  const paths = new Map(data.goldenPaths.map((g) => [g.id, g.name]));
  const team = (id: string) => teams.get(id) ?? 'Unknown team';
  return {
    person: (id) => people.get(id)?.name ?? 'Someone deleted',
    teamOf: (id) => {
      const teamId = people.get(id)?.teamId;
      return teamId ? team(teamId) : '';
    },
    team,
    subject: (kind, id) => (kind === 'app' ? apps.get(id) : paths.get(id)) ?? 'Deleted',
  };
}

/** "Ada", "Ada and Ben", "Ada, Ben and 3 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Names in the order people read them: case and accents aside, numbers by value. */
export const compareNames = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;
