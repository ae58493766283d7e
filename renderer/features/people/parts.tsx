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

/** A form's buttons: Delete… (editing only) on the left, Cancel and the save on the right. */
export function FormButtons({
  onDelete,
  onCancel,
  saving,
  saveLabel,
}: {
  /** Absent for a new record. */
  onDelete?: (() => void) | undefined;
  onCancel: () => void;
  saving: boolean;
  saveLabel: string;
}) {
  return (
    <div className="form-actions">
      {onDelete && (
        <button type="button" className="danger form-delete" onClick={onDelete}>
          Delete…
        </button>
      )}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Saving…' : saveLabel}
      </button>
    </div>
  );
}
