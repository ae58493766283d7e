/**
 * A long table that draws only the rows in view and is one stop in the
 * Tab order: the active row has tabIndex 0, ↑ / ↓, Page Up / Down, Home and End move the focus
 * between rows (scrolling the row into view first when it is not drawn yet), Enter or a click on
 * a row opens it. The row events are handled once on the <tbody>, so rows stay plain memoized
 * elements and scrolling 20,000 of them only draws the rows that come into view.
 *
 * Rows carry `data-index` (their index among the rows shown); SpacerRow fills the height of the
 * rows above and below the drawn ones. Options: Delete on a row (`onDelete`), rows that hold
 * buttons of their own (`openOnClick: false`, `rowKeysOnly`), and the rows in view (`onRange`,
 * for a table that reads only the page in view).
 *
 * Every row has the same height, so the rows in view follow from the scroll position alone: the
 * work per render is the rows drawn, whatever the count (a general virtualizer measures every
 * row again when the count changes — 200,000 sessions, one more logged).
 */
import type { VirtualItem } from '@tanstack/react-virtual';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';

export interface VirtualRows {
  /** For the scrolling element around the table. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The rows to draw. */
  items: VirtualItem[];
  /** The row in the Tab order. */
  activeIndex: number;
  /** Heights of the rows not drawn above and below. */
  padTop: number;
  padBottom: number;
  /** Scrolls row `index` into view (a table that moves its own focus, e.g. cell by cell). */
  scrollToIndex(index: number): void;
  /** Spread on the <tbody>. */
  bodyProps: {
    onClick(event: MouseEvent<HTMLTableSectionElement>): void;
    onFocus(event: FocusEvent<HTMLTableSectionElement>): void;
    onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>): void;
  };
}

/** The row an event happened in (its index among the rows shown), if any. */
function rowIndexOf(target: EventTarget): number | null {
  const tr = (target as Element).closest?.('tr[data-index]');
  return tr ? Number(tr.getAttribute('data-index')) : null;
}

/** The row a key moves to from `index` (of `count` rows, `page` rows a screen), or null for other keys. */
export function rowAfterKey(key: string, index: number, count: number, page: number): number | null {
  const target: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + page,
    PageUp: index - page,
    Home: 0,
    End: count - 1,
  };
  return key in target ? Math.max(0, Math.min(count - 1, target[key]!)) : null;
}

export interface VirtualRowsOptions {
  /** Runs on Delete on a row. */
  onDelete?(index: number): void;
  /** A click in a row opens it (default); false for rows whose buttons do their own thing. */
  openOnClick?: boolean;
  /** Keys act only when the row itself has the focus, not a control inside it. Default false. */
  rowKeysOnly?: boolean;
  /** The rows drawn changed: `start` to `end` (exclusive), overscan included. */
  onRange?(start: number, end: number): void;
  /** Rows drawn beyond the visible ones on each side. Default 10. */
  overscan?: number;
  /**
   * Rows in view before the scroller is measured (its expected height ÷ the row height): the
   * first render draws them, so a table opening at its full height is laid out once, not drawn
   * with the overscan alone, measured, and drawn again. Default 0.
   */
  initialRows?: number;
}

/**
 * `count` rows of `rowHeight` pixels; `onOpen(index)` runs on Enter, and on a click anywhere in a
 * row but a link (a link in the row is followed as it is).
 */
export function useVirtualRows(
  count: number,
  rowHeight: number,
  onOpen: (index: number) => void,
  {
    onDelete,
    openOnClick = true,
    rowKeysOnly = false,
    onRange,
    overscan = 10,
    initialRows = 0,
  }: VirtualRowsOptions = {},
): VirtualRows {
  // The scrolling element (it may come and go, e.g. with an empty table) and what it shows, in
  // whole rows: a render only when a row comes into view or leaves it.
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const scrollRef = useMemo<RefObject<HTMLDivElement | null>>(() => {
    let current: HTMLDivElement | null = null;
    return {
      get current() {
        return current;
      },
      set current(el) {
        current = el;
        setElement(el);
      },
    };
  }, []);
  const [view, setView] = useState({ top: 0, rows: initialRows });
  const read = useRef(() => {});
  read.current = () => {
    const el = scrollRef.current;
    if (!el) return;
    const top = Math.floor(el.scrollTop / rowHeight);
    const rows = Math.ceil(viewportHeight(el) / rowHeight) + 1;
    setView((v) => (v.top === top && v.rows === rows ? v : { top, rows }));
  };
  useLayoutEffect(() => {
    if (!element) return;
    const onChange = () => read.current();
    onChange();
    element.addEventListener('scroll', onChange, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onChange);
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', onChange);
      resize?.disconnect();
    };
  }, [element]);
  useLayoutEffect(() => read.current(), [rowHeight]);

  const [start, end] = rowsInView(view.top, view.rows, count, overscan);
  const items = useMemo(
    () =>
      Array.from({ length: Math.max(0, end - start) }, (_, i): VirtualItem => {
        const index = start + i;
        return {
          key: index,
          index,
          start: index * rowHeight,
          end: (index + 1) * rowHeight,
          size: rowHeight,
          lane: 0,
        };
      }),
    [start, end, rowHeight],
  );
  const scrollToIndex = (index: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const top = index * rowHeight;
    const height = viewportHeight(el);
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
    read.current();
  };

  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  // After a keyboard move the target row may only exist once the table has scrolled to it.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  }, [activeIndex, items, scrollRef]);

  useEffect(() => {
    onRange?.(start, end);
  }, [start, end, onRange]);

  const bodyProps: VirtualRows['bodyProps'] = {
    onClick(event) {
      if (!openOnClick) return;
      const index = rowIndexOf(event.target);
      if (index !== null && !(event.target as Element).closest('a')) onOpen(index);
    },
    onFocus(event) {
      const index = rowIndexOf(event.target);
      if (index !== null) setActive(index);
    },
    onKeyDown(event) {
      const index = rowIndexOf(event.target);
      if (index === null) return;
      if (rowKeysOnly && !(event.target as Element).matches('tr[data-index]')) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        onOpen(index);
        return;
      }
      if (event.key === 'Delete' && onDelete) {
        event.preventDefault();
        onDelete(index);
        return;
      }
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
      const next = rowAfterKey(event.key, index, count, page);
      if (next === null) return;
      event.preventDefault();
      setActive(next);
      focusPending.current = true;
      scrollToIndex(next);
    },
  };

  return {
    scrollRef,
    items,
    activeIndex,
    padTop: start * rowHeight,
    padBottom: Math.max(0, count - end) * rowHeight,
    scrollToIndex,
    bodyProps,
  };
}

/** The height rows can show in: the element's (jsdom lays nothing out; tests give it a size). */
function viewportHeight(el: HTMLElement): number {
  return el.clientHeight || el.offsetHeight;
}

/**
 * The rows to draw, `start` to `end` (exclusive), when the row `top` is the first at the top of a
 * view `rows` rows high: those in view and `overscan` on each side, within `count`.
 */
export function rowsInView(top: number, rows: number, count: number, overscan: number): [number, number] {
  const start = Math.max(0, Math.min(top, count) - overscan);
  const end = Math.min(count, top + rows + overscan);
  return [Math.min(start, end), end];
}

/** Stands for the rows not drawn: a row of their total height (nothing when there are none). */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
