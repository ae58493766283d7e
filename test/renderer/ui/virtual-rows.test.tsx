// @vitest-environment jsdom
/**
 * The shared virtual rows: which rows a scroll position draws (pure), and a table of 200,000 rows
 * that draws only the rows in view, moves between rows by key (End scrolls to the last row and
 * focuses it), opens and deletes a row from the keyboard, and says which rows are in view.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsInView, SpacerRow, useVirtualRows } from '../../../renderer/ui/use-virtual-rows';

const ROW = 40;
const HEIGHT = 800;

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => HEIGHT });
});
afterEach(cleanup);

describe('rowsInView', () => {
  it('draws every row in view and `overscan` more on each side, never outside the rows there are', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(60), fc.nat(300), fc.nat(12), (top, rows, count, overscan) => {
        const [start, end] = rowsInView(top, rows, count, overscan);
        expect(0 <= start && start <= end && end <= count).toBe(true);
        expect(end - start).toBeLessThanOrEqual(rows + 2 * overscan);
        for (let i = top; i < Math.min(count, top + rows); i++) {
          expect(i >= start && i < end, `row ${i}`).toBe(true);
        }
        if (top < count && rows > 0) {
          expect(start).toBe(Math.max(0, top - overscan));
          expect(end).toBe(Math.min(count, top + rows + overscan));
        }
      }),
    );
  });
});

function Table(props: {
  count: number;
  onOpen(index: number): void;
  onDelete(index: number): void;
  onRange(start: number, end: number): void;
}) {
  const { scrollRef, items, activeIndex, padTop, padBottom, bodyProps } = useVirtualRows(
    props.count,
    ROW,
    props.onOpen,
    { onDelete: props.onDelete, onRange: props.onRange, openOnClick: false, rowKeysOnly: true, overscan: 5 },
  );
  return (
    <div ref={scrollRef} data-testid="scroll">
      <table aria-label="Rows">
        <tbody {...bodyProps}>
          <SpacerRow height={padTop} columns={1} />
          {items.map((item) => (
            <tr key={item.index} data-index={item.index} tabIndex={item.index === activeIndex ? 0 : -1}>
              <td>
                Row {item.index} <button type="button">Act</button>
              </td>
            </tr>
          ))}
          <SpacerRow height={padBottom} columns={1} />
        </tbody>
      </table>
    </div>
  );
}

const drawn = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-index'));
const spacers = () =>
  [...document.querySelectorAll<HTMLElement>('tr.spacer td')].map((td) => Number.parseFloat(td.style.height));

describe('useVirtualRows', () => {
  it('draws only the rows in view of 200,000, follows the scroll, and moves, opens and deletes by key', () => {
    const onOpen = vi.fn();
    const onDelete = vi.fn();
    const onRange = vi.fn();
    const view = render(<Table count={200_000} onOpen={onOpen} onDelete={onDelete} onRange={onRange} />);
    const inView = HEIGHT / ROW + 1;
    expect(drawn()).toHaveLength(inView + 5);
    expect(spacers()).toEqual([(200_000 - inView - 5) * ROW]);
    expect(onRange).toHaveBeenLastCalledWith(0, inView + 5);

    // One more row (a session logged): the same rows drawn.
    view.rerender(<Table count={200_001} onOpen={onOpen} onDelete={onDelete} onRange={onRange} />);
    expect(drawn()).toHaveLength(inView + 5);

    // Scrolled to row 1,000: rows 995 to 1,000 + inView + 5 drawn, the rest stood for by spacers.
    const scroll = screen.getByTestId('scroll');
    act(() => {
      scroll.scrollTop = 1_000 * ROW + 13;
      fireEvent.scroll(scroll);
    });
    expect(drawn()[0]).toHaveAttribute('data-index', '995');
    expect(drawn().at(-1)).toHaveAttribute('data-index', String(1_000 + inView + 5 - 1));
    expect(spacers()[0]).toBe(995 * ROW);
    expect(onRange).toHaveBeenLastCalledWith(995, 1_000 + inView + 5);

    // End: scrolls to the last row and focuses it; Enter opens it, Delete deletes it.
    const row = drawn()[5]!;
    row.focus();
    fireEvent.keyDown(row, { key: 'End' });
    const last = document.activeElement as HTMLElement;
    expect(last).toHaveAttribute('data-index', '200000');
    expect(scroll.scrollTop).toBe(200_001 * ROW - HEIGHT);
    fireEvent.keyDown(last, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(200_000);
    fireEvent.keyDown(last, { key: 'Delete' });
    expect(onDelete).toHaveBeenLastCalledWith(200_000);

    // Keys on a button inside a row are the button's: nothing opens or moves.
    const button = last.querySelector('button')!;
    fireEvent.keyDown(button, { key: 'Enter' });
    fireEvent.keyDown(button, { key: 'Home' });
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(last);

    // Home goes back to the first row; a click in a row does not open it here.
    fireEvent.keyDown(last, { key: 'Home' });
    expect(document.activeElement).toHaveAttribute('data-index', '0');
    expect(scroll.scrollTop).toBe(0);
    fireEvent.click(drawn()[2]!);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
  it('draws the rows in view from the first render when told how many fit (laid out once)', () => {
    const drawnPerRender: number[] = [];
    function Counted({ initialRows }: { initialRows?: number }) {
      const { scrollRef, items } = useVirtualRows(1_000, ROW, () => {}, { overscan: 5, initialRows });
      drawnPerRender.push(items.length);
      return (
        <div ref={scrollRef}>
          {items.map((item) => (
            <p key={item.index}>Row {item.index}</p>
          ))}
        </div>
      );
    }
    const inView = HEIGHT / ROW + 1;
    render(<Counted initialRows={inView} />);
    expect(drawnPerRender.length).toBeGreaterThan(0);
    expect(new Set(drawnPerRender)).toEqual(new Set([inView + 5]));
    cleanup();
    drawnPerRender.length = 0;
    // Without it: the overscan alone first, then the rows in view once measured.
    render(<Counted />);
    expect(drawnPerRender[0]).toBe(5);
    expect(drawnPerRender.at(-1)).toBe(inView + 5);
  });
});
