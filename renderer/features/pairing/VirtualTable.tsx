/**
 * The Pairing area's long tables (200,000 sessions; hours of 20,000 apps): only the rows in view
 * are in the DOM (@tanstack/react-virtual), and the table is one stop in the Tab order — the
 * active row; ↑/↓, Page Up/Down, Home/End move between rows, Enter opens the row, Delete deletes
 * it where the table allows. Rows whose data is not read yet show as "Loading…" (the session log
 * reads the page in view only), rows of a previous answer while a new one is read are greyed
 * (`busy`), and `onRange` says which rows are in view. The rows, the keys and the focus are the
 * shared renderer/ui/use-virtual-rows.tsx; this is the Pairing area's markup around it.
 *
 * A row is drawn from its record (`item`) by `cells`, and drawn again only when its record, its
 * index, its focus or `cells` itself changes: rows that stay in view while the table scrolls, or
 * while a name or a page is read for other rows, are left as they are.
 */
import { memo, type ReactElement, type ReactNode } from 'react';
import { SpacerRow, useVirtualRows } from '../../ui/use-virtual-rows';
import './virtual-table.css';

export interface VirtualColumn {
  label: string;
  /** A weight: columns share the width in these proportions. */
  width: number;
  numeric?: boolean;
}

interface VirtualTableProps<T> {
  /** The table's accessible name, e.g. "Sessions, 1,234 shown". */
  label: string;
  columns: readonly VirtualColumn[];
  count: number;
  rowHeight: number;
  /** The record row `index` shows, or null while it is being read. */
  item(index: number): T | null;
  /** A stable key for a record (its id). */
  itemKey(item: T): string;
  /** The cells of a record in row `index`; keep it the same function while what it draws is the same. */
  cells(item: T, index: number): ReactNode[];
  onOpen?(index: number): void;
  onDelete?(index: number): void;
  /** The rows in view (with some around them) changed. */
  onRange?(start: number, end: number): void;
  empty: ReactNode;
  testId?: string;
  /** The rows shown are the previous answer while a new one is read: greyed, and said so. */
  busy?: boolean;
}

export function VirtualTable<T>({
  label,
  columns,
  count,
  rowHeight,
  item: itemAt,
  itemKey,
  cells,
  onOpen,
  onDelete,
  onRange,
  empty,
  testId,
  busy = false,
}: VirtualTableProps<T>) {
  // Rows hold buttons of their own: a click on a row does not open it, and keys act on the row only.
  const { scrollRef, items, activeIndex, padTop, padBottom, bodyProps } = useVirtualRows(
    count,
    rowHeight,
    onOpen ?? noop,
    {
      onDelete,
      onRange,
      openOnClick: false,
      rowKeysOnly: true,
      overscan: 8,
      initialRows: rowsInScroller(rowHeight),
    },
  );
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  if (count === 0) return <div className="empty virtual-empty">{empty}</div>;

  return (
    <div
      ref={scrollRef}
      className={`virtual-scroll${busy ? ' is-stale' : ''}`}
      data-testid={testId}
      aria-busy={busy}
    >
      <table className="data virtual-table" aria-label={label} aria-rowcount={count + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.label} style={{ width: `${((100 * c.width) / total).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'numeric' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody {...bodyProps}>
          <SpacerRow height={padTop} columns={columns.length} />
          {items.map(({ index }) => {
            const item = itemAt(index);
            return (
              <VirtualRow
                key={item === null ? `loading-${index}` : itemKey(item)}
                item={item}
                index={index}
                active={index === activeIndex}
                rowHeight={rowHeight}
                columns={columns}
                cells={cells}
              />
            );
          })}
          <SpacerRow height={padBottom} columns={columns.length} />
        </tbody>
      </table>
    </div>
  );
}

const noop = () => {};

interface VirtualRowProps<T> {
  item: T | null;
  index: number;
  active: boolean;
  rowHeight: number;
  columns: readonly VirtualColumn[];
  cells(item: T, index: number): ReactNode[];
}

/** One row: its cells, or "Loading…" while its record is read. Drawn again only when a prop changes. */
const VirtualRow = memo(function VirtualRow<T>({
  item,
  index,
  active,
  rowHeight,
  columns,
  cells,
}: VirtualRowProps<T>) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      style={{ height: rowHeight }}
      className={item === null ? 'virtual-row loading' : 'virtual-row'}
    >
      {item === null ? (
        <td colSpan={columns.length} className="muted">
          Loading…
        </td>
      ) : (
        cells(item, index).map((cell, i) => (
          <td key={columns[i]?.label ?? i} className={columns[i]?.numeric ? 'numeric' : undefined}>
            <div className="cell">{cell}</div>
          </td>
        ))
      )}
    </tr>
  );
}) as <T>(props: VirtualRowProps<T>) => ReactElement;

/**
 * The rows a full scroller shows before it is measured (virtual-table.css: at most
 * max(320 px, 100vh − 330 px) high, less its 1 px borders), counted as useVirtualRows counts
 * them: the first render draws them, so the table is not drawn with the overscan alone,
 * measured, then drawn again.
 */
function rowsInScroller(rowHeight: number): number {
  const height = typeof window === 'undefined' ? 0 : Math.max(320, window.innerHeight - 330) - 2;
  return Math.ceil(height / rowHeight) + 1;
}
