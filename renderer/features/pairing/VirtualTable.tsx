/**
 * The Pairing area's long tables (200,000 sessions; hours of 20,000 apps): only the rows in view
 * are in the DOM (@tanstack/react-virtual), and the table is one stop in the Tab order — the
 * active row; ↑/↓, Page Up/Down, Home/End move between rows, Enter opens the row, Delete deletes
 * it where the table allows. Rows whose data is not read yet show as "Loading…" (the session log
 * reads the page in view only), rows of a previous answer while a new one is read are greyed
 * (`busy`), and `onRange` says which rows are in view. The rows, the keys and the focus are the
 * shared renderer/ui/use-virtual-rows.tsx; this is the Pairing area's markup around it.
 */
import type { ReactNode } from 'react';
import { SpacerRow, useVirtualRows } from '../../ui/use-virtual-rows';
import './virtual-table.css';

export interface VirtualColumn {
  label: string;
  /** A weight: columns share the width in these proportions. */
  width: number;
  numeric?: boolean;
}

interface VirtualTableProps {
  /** The table's accessible name, e.g. "Sessions, 1,234 shown". */
  label: string;
  columns: readonly VirtualColumn[];
  count: number;
  rowHeight: number;
  /** The cells of row `index`, or null while its data is being read. */
  row(index: number): ReactNode[] | null;
  /** A stable key for row `index` (its record's id), when known. */
  rowKey(index: number): string;
  onOpen?(index: number): void;
  onDelete?(index: number): void;
  /** The rows in view (with some around them) changed. */
  onRange?(start: number, end: number): void;
  empty: ReactNode;
  testId?: string;
  /** The rows shown are the previous answer while a new one is read: greyed, and said so. */
  busy?: boolean;
}

export function VirtualTable({
  label,
  columns,
  count,
  rowHeight,
  row,
  rowKey,
  onOpen,
  onDelete,
  onRange,
  empty,
  testId,
  busy = false,
}: VirtualTableProps) {
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
          {items.map((item) => {
            const cells = row(item.index);
            return (
              <tr
                key={cells ? rowKey(item.index) : `loading-${item.index}`}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === activeIndex ? 0 : -1}
                style={{ height: rowHeight }}
                className={cells ? 'virtual-row' : 'virtual-row loading'}
              >
                {cells ? (
                  cells.map((cell, i) => (
                    <td key={columns[i]?.label ?? i} className={columns[i]?.numeric ? 'numeric' : undefined}>
                      <div className="cell">{cell}</div>
                    </td>
                  ))
                ) : (
                  <td colSpan={columns.length} className="muted">
                    Loading…
                  </td>
                )}
              </tr>
            );
          })}
          <SpacerRow height={padBottom} columns={columns.length} />
        </tbody>
      </table>
    </div>
  );
}

const noop = () => {};

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
