// @vitest-environment jsdom
/**
 * The Pairing area's VirtualTable draws a row again only when what it shows changes: its record,
 * its focus, or the function that draws its cells; a row whose record is not read yet says so.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualTable, type VirtualColumn } from '../../../renderer/features/pairing/VirtualTable';

interface Item {
  id: string;
  name: string;
}

const COLUMNS: readonly VirtualColumn[] = [{ label: 'Name', width: 1 }];

function table(items: (Item | null)[], cells: (item: Item) => string[], label = 'Things') {
  return (
    <VirtualTable
      label={label}
      columns={COLUMNS}
      count={items.length}
      rowHeight={40}
      item={(i) => items[i] ?? null}
      itemKey={(item) => item.id}
      cells={cells}
      empty="Nothing"
    />
  );
}

afterEach(cleanup);

describe('VirtualTable', () => {
  it('draws each row once, and again only the rows whose record or cells changed', () => {
    const items: Item[] = [
      { id: 'a', name: 'Ada' },
      { id: 'b', name: 'Bo' },
      { id: 'c', name: 'Cy' },
    ];
    const cells = vi.fn((item: Item) => [item.name]);
    const { rerender } = render(table(items, cells));
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toEqual(['Name', 'Ada', 'Bo', 'Cy']);
    const drawn = cells.mock.calls.length;
    expect(new Set(cells.mock.calls.map(([item]) => item.id))).toEqual(new Set(['a', 'b', 'c']));

    // The table drawn again (a new label) with the same records and cells: no row is.
    rerender(table(items, cells, 'Things again'));
    expect(cells.mock.calls.length).toBe(drawn);
    expect(screen.getByRole('table', { name: 'Things again' })).toBeTruthy();

    // One record changed: that row only.
    const changed = [items[0]!, { id: 'b', name: 'Bob' }, items[2]!];
    rerender(table(changed, cells));
    expect(cells.mock.calls.slice(drawn).map(([item]) => item.name)).toEqual(['Bob']);
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toEqual(['Name', 'Ada', 'Bob', 'Cy']);

    // Other cells (e.g. names read): every row.
    const shouting = vi.fn((item: Item) => [item.name.toUpperCase()]);
    rerender(table(changed, shouting));
    expect(shouting).toHaveBeenCalledTimes(3);
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toEqual(['Name', 'ADA', 'BOB', 'CY']);
  });

  it('shows a row whose record is being read as loading, then its cells', () => {
    const cells = (item: Item) => [item.name];
    const { rerender } = render(table([{ id: 'a', name: 'Ada' }, null], cells));
    const rows = screen.getAllByRole('row');
    expect(rows[2]!.className).toContain('loading');
    expect(rows[2]!.textContent).toBe('Loading…');
    rerender(
      table(
        [
          { id: 'a', name: 'Ada' },
          { id: 'b', name: 'Bo' },
        ],
        cells,
      ),
    );
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toEqual(['Name', 'Ada', 'Bo']);
    expect(document.querySelector('tr.loading')).toBeNull();
  });
});
