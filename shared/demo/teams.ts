/**
 * Demo area: the teams — the platform team, infrastructure, security & governance, and the
 * product teams of story.ts, some already on the platform and some still waiting. Later areas
 * refer to a team by its script key ('payments') and look its record up here.
 */
import { addDaysIso, type Team } from '../domain';
import type { DemoContext, DemoTables } from './context';
import { must } from './helpers';
import type { ProgramFacts } from './program';
import * as story from './story';

export interface TeamFacts extends DemoTables<'teams'> {
  teamOf(key: string): Team;
  teamScript(key: string): story.TeamScript;
  /** The script key of a team record, by its id. */
  teamKeyOf(id: string): string | undefined;
  productTeams: readonly story.TeamScript[];
  /** The product teams that join the platform in cycle `index`. */
  joiners(index: number): story.TeamScript[];
}

export function demoTeams({ stamp, programStart, setUpOn }: DemoContext & ProgramFacts): TeamFacts {
  const teamByKey = new Map<string, Team>();
  const teams: Team[] = story.TEAMS.map((script) => {
    const created = script.kind === 'product' ? addDaysIso(programStart, -7) : setUpOn;
    const team: Team = stamp(
      { name: script.name, kind: script.kind, notes: script.notes, externalRef: null },
      created,
    );
    teamByKey.set(script.key, team);
    return team;
  });
  const teamScripts = new Map(story.TEAMS.map((t) => [t.key, t]));
  const keyById = new Map([...teamByKey].map(([key, team]) => [team.id, key]));
  const productTeams = story.TEAMS.filter((t) => t.kind === 'product');

  return {
    teams,
    teamOf: (key) => must(teamByKey.get(key), `team ${key}`),
    teamScript: (key) => must(teamScripts.get(key), `team ${key}`),
    teamKeyOf: (id) => keyById.get(id),
    productTeams,
    joiners: (index) => productTeams.filter((t) => t.joins === index),
  };
}
