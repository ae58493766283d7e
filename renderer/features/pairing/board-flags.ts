/**
 * What the board says about a person placed in a cycle, in words: shared by the assignments
 * board and the cycle's pairing on Plan, so both flag the same people the same way.
 */
import type { AssignmentBoard, AssignmentFacts, BoardColumn, BoardPerson } from '../../../shared/domain';

/** The people of a board over the load limit or in two places at once, in board order. */
export function flaggedPeople<A>(board: AssignmentBoard<A>): BoardPerson<A>[] {
  return [...board.people.values()].filter((p) => p.overloaded || p.conflicts.length > 0);
}

/** "3 places at once, over 2, two places at once while seeding", or '' when not flagged. */
export function flagWords(p: BoardPerson<unknown>, maxLoad: number): string {
  const words: string[] = [];
  if (p.overloaded) words.push(`${p.load} places at once, over ${maxLoad}`);
  if (p.conflicts.length > 0) words.push('two places at once while seeding');
  return words.join(', ');
}

/** A column's title: its team ("…" while its name is read), or its app for a place without a team. */
export function placeTitle(
  column: BoardColumn<AssignmentFacts>,
  teamName: (id: string) => string | null | undefined,
  appName: (id: string | null) => string | null,
): string {
  if (column.targetTeamId) {
    const name = teamName(column.targetTeamId);
    return name === undefined ? '…' : (name ?? 'Deleted team');
  }
  return appName(column.appId) ?? 'No team';
}
