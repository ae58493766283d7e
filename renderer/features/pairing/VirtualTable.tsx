/**
 * The Pairing area's long tables (200,000 sessions; hours of 20,000 apps): only the rows in view
 * are in the DOM (@tanstack/react-virtual), and the table is one stop in the Tab order — the
 * active row; ↑/↓, Page Up/Down, Home/End move between rows, Enter opens the row, Delete deletes
 * it where the table allows. Rows whose data is not read yet show as "Loading…" (the session log
 * reads the page in view only), rows of a previous answer while a new one is read are greyed
 * (`busy`), and `onRange` says which rows are in view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const focusPending = useRef(false);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    onRange?.(first, last + 1);
  }, [first, last, onRange]);

  // A row moved to by key may only exist once the virtualizer has scrolled to it.
  useEffect(() => {
    if (!focusPending.current) return;
    const target = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (target) {
      target.focus({ preventScroll: true });
      focusPending.current = false;
    }
  }, [activeIndex, items]);

  const total = columns.reduce((sum, c) => sum + c.width, 0);
  if (count === 0) return <div className="empty virtual-empty">{empty}</div>;

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const indexOf = (target: EventTarget) => {
    const tr = (target as Element).closest?.('tr[data-index]');
    return tr ? Number(tr.getAttribute('data-index')) : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = indexOf(event.target);
    if (index === null || event.target !== event.currentTarget.querySelector(`tr[data-index="${index}"]`))
      return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(index);
    } else if (event.key === 'Delete' && onDelete) {
      event.preventDefault();
      onDelete(index);
    }
  };

  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
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
        <tbody onKeyDown={onKeyDown} onFocus={(e) => setActive(indexOf(e.target) ?? activeIndex)}>
          {padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length} style={{ height: padTop }} />
            </tr>
          )}
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
          {padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
