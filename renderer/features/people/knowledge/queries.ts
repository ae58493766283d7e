/**
 * The knowledge map's reads: people, teams, golden paths and assignments whole; the apps that
 * were selected (their golden paths and names: candidates and dropped apps hold no knowledge);
 * and every pairing session, read in chunks of 20,000 by primary key so the page keeps
 * answering while 200,000 of them load (one getAll of all of them would be one long task).
 * Live: a session logged or a person added elsewhere redraws the map.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  COUNTED_STAGES,
  type App,
  type Assignment,
  type GoldenPath,
  type PairingSession,
  type Person,
  type Team,
} from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';

export interface KnowledgeData {
  people: Person[];
  teams: Team[];
  /** Apps selected, onboarding, on the platform or paused. */
  apps: App[];
  goldenPaths: GoldenPath[];
  assignments: Assignment[];
  sessions: PairingSession[];
}

const SESSION_CHUNK = 20_000;

/** The map's data, or undefined while the first read is under way. */
export function useKnowledgeData(): KnowledgeData | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const [people, teams, apps, goldenPaths, assignments] = await Promise.all([
      database.people.toArray(),
      database.teams.toArray(),
      database.apps.where('stage').anyOf(COUNTED_STAGES).toArray(),
      database.goldenPaths.orderBy('name').toArray(),
      database.assignments.toArray(),
    ]);
    const sessions: PairingSession[] = [];
    for (;;) {
      const last = sessions.at(-1)?.id;
      const chunk = await (
        last === undefined
          ? database.pairingSessions.limit(SESSION_CHUNK)
          : database.pairingSessions.where(':id').above(last).limit(SESSION_CHUNK)
      ).toArray();
      for (const session of chunk) sessions.push(session);
      if (chunk.length < SESSION_CHUNK) break;
    }
    return { people, teams, apps, goldenPaths, assignments, sessions };
  }, [database]);
}
