/**
 * A table's column header that sorts by its column: a button named by the column (its title too,
 * for a label cut short), the direction as `aria-sort` for screen readers and as an arrow for the
 * eye. The Apps table and the Blockers register draw their header row with {@link SortableHeaders}.
 */
import './sortable-header.css';

export type SortDirection = 'asc' | 'desc';

export function SortableHeader({
  label,
  direction,
  numeric = false,
  onSort,
}: {
  label: string;
  /** The direction the table is sorted in by this column; null when sorted by another. */
  direction: SortDirection | null;
  numeric?: boolean;
  onSort: () => void;
}) {
  return (
    <th
      scope="col"
      aria-sort={direction === null ? 'none' : direction === 'asc' ? 'ascending' : 'descending'}
      className={numeric ? 'numeric' : undefined}
    >
      <button type="button" className="sort-button" onClick={onSort} title={label}>
        <span className="sort-label">{label}</span>
        {direction && (
          <span aria-hidden="true" className="sort-arrow">
            {direction === 'asc' ? '▲' : '▼'}
          </span>
        )}
      </button>
    </th>
  );
}

/** A header cell for each column, sorted by `sort`; `onSort` is given the column's key. */
export function SortableHeaders<K extends string>({
  columns,
  sort,
  onSort,
}: {
  columns: readonly { key: K; label: string; numeric?: boolean }[];
  sort: { key: K; direction: SortDirection };
  onSort: (key: K) => void;
}) {
  return columns.map((c) => (
    <SortableHeader
      key={c.key}
      label={c.label}
      numeric={c.numeric}
      direction={sort.key === c.key ? sort.direction : null}
      onSort={() => onSort(c.key)}
    />
  ));
}
