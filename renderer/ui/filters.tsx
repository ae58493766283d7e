/**
 * The controls of a list's filter bar: a search field and a drop-down of choices, each named for
 * screen readers by its label (the bar has no room for visible labels), so every list filters
 * the same way.
 */
import { memo, type ChangeEvent, type ReactNode } from 'react';
import { cycleLabel, type Cycle } from '../../shared/domain';

export interface Choice {
  value: string;
  label: string;
}

/** Memoized: a list of a thousand teams is not compared again while the user types in the search. */
export const FilterSelect = memo(function FilterSelect({
  label,
  value,
  choices,
  onChange,
}: {
  /** The accessible name: "Team". */
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
    >
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
});

export function SearchField({
  label,
  placeholder,
  value,
  onChange,
  className,
}: {
  /** The accessible name: "Search people". */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <input
      type="search"
      className={className}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** One option per cycle, named by its label ("Scaling cycle 4 — Payments"), valued by its id. */
export function CycleOptions({ cycles }: { cycles: readonly Pick<Cycle, 'id' | 'index' | 'name'>[] }) {
  return cycles.map((c) => (
    <option key={c.id} value={c.id}>
      {cycleLabel(c)}
    </option>
  ));
}

/** A filtered list that shows nothing: says so, and offers to clear its filters. */
export function NoMatches({
  what,
  onClear,
  children,
}: {
  what: string;
  onClear: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="empty">
      {what} matches these filters.{' '}
      <button type="button" className="link" onClick={onClear}>
        Clear filters
      </button>
      {children}
    </div>
  );
}
