/**
 * A filter on one of thousands of records (5,000 owners, 1,000 teams) chosen by typing its name:
 * the box suggests the few names that start with or contain what is typed, and filters as soon as
 * the text is one's name (or "No …", or empty for all). A select of thousands of options is hard
 * to use, and drawing it again costs every filter change on the bar a layout of every option.
 *
 * Text that names nothing is said so beside the box and changes nothing; leaving the box puts back
 * the name of what is chosen. A choice made elsewhere (Clear filters, a count opened) shows at once.
 */
import { memo, useEffect, useId, useMemo, useState } from 'react';
import { choiceOf, matchingChoices, pickerChoices, type NamedRecord } from './name-picker';

/** Names suggested at most: enough to pick from while typing, never thousands. */
const SUGGESTED = 50;

export const NamePicker = memo(function NamePicker({
  label,
  allLabel,
  none,
  records,
  value,
  onChange,
  noun,
}: {
  /** The accessible name: "Owner". */
  label: string;
  /** The placeholder while every record is shown: "All owners". */
  allLabel: string;
  /** The "No owner" choice, when records may have none. */
  none?: { value: string; label: string };
  records: readonly NamedRecord[];
  /** "" (all), `none.value`, or a record's id. */
  value: string;
  onChange: (value: string) => void;
  /** What one record is, for the message: "owner". */
  noun: string;
}) {
  const listId = useId();
  const hintId = useId();
  const choices = useMemo(() => pickerChoices(records), [records]);
  const byKey = useMemo(() => new Map(choices.map((c) => [c.key, c])), [choices]);
  const byId = useMemo(() => new Map(choices.map((c) => [c.id, c])), [choices]);
  const labelOf = (v: string) =>
    v === '' ? '' : none && v === none.value ? none.label : (byId.get(v)?.label ?? '');
  const [text, setText] = useState(() => labelOf(value));
  // What is chosen elsewhere, or a record renamed, shows in the box.
  useEffect(() => {
    setText((typed) => (choiceOf(typed, byKey, none) === value ? typed : labelOf(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, byKey]);
  const chosen = choiceOf(text, byKey, none);
  const suggested = useMemo(() => matchingChoices(choices, text, SUGGESTED), [choices, text]);
  const unmatched = chosen === null;

  return (
    <span className="name-picker">
      <input
        type="search"
        aria-label={label}
        placeholder={allLabel}
        list={listId}
        autoComplete="off"
        value={text}
        aria-invalid={unmatched || undefined}
        aria-describedby={unmatched ? hintId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const next = choiceOf(e.target.value, byKey, none);
          if (next !== null && next !== value) onChange(next);
        }}
        onBlur={() => {
          if (unmatched) setText(labelOf(value));
        }}
      />
      <datalist id={listId}>
        {none && <option value={none.label} />}
        {suggested.map((c) => (
          <option key={c.id} value={c.label} />
        ))}
      </datalist>
      {unmatched && (
        <span id={hintId} className="name-picker-hint field-error" role="status">
          No {noun} is named “{text.trim()}”
        </span>
      )}
    </span>
  );
});
