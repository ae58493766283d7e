/** Small pieces the People views share: plurals, today, and the "left" badge. */
import { formatIsoDate, todayIso, type Person } from '../../../shared/domain';

/** "1 person", "3 people", "1,000 teams". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The calendar day a person is marked as left on. A function: the app stays open overnight. */
export function today(): string {
  return todayIso();
}

/** "Left 2 Mar 2026" beside the name of a person who left the program. */
export function LeftBadge({ person }: { person: Pick<Person, 'leftOn'> }) {
  if (!person.leftOn) return null;
  return <span className="badge badge-left">Left {formatIsoDate(person.leftOn, 'd MMM yyyy')}</span>;
}
