/** Small pieces the import wizard's steps share: counts in words, the file line, a list of counts. */
import type { ReactNode } from 'react';
import { formatBytes } from '../../../shared/import/file-checks';
import type { Fact } from './types';

/** "1 app", "3 apps". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "12 rows in portfolio.csv (2 KB)". */
export function FileLine({ name, size, what }: { name: string; size: number; what: string }) {
  return (
    <p className="muted">
      {what} <strong>{name}</strong> ({formatBytes(size)})
    </p>
  );
}

/** Counts as tiles; the list's accessible name says what they count. */
export function FactList({ label, facts }: { label: string; facts: readonly Fact[] }) {
  return (
    <ul className="import-stats" aria-label={label}>
      {facts.map((fact) => (
        <li key={fact.label} className={fact.bad ? 'is-bad' : undefined}>
          <strong>{fact.count.toLocaleString('en')}</strong> {fact.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A box its table scrolls in, sideways and down; it is a tab stop of its own, so that the keyboard
 * can scroll it too.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="import-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
