// @vitest-environment jsdom
/** The sortable column header: the direction for screen readers and the eye, and sorting by click or keyboard. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { SortableHeader, type SortDirection } from '../../../renderer/ui/SortableHeader';

afterEach(cleanup);

function table(direction: SortDirection | null, onSort = () => {}, numeric = false) {
  return render(
    <table>
      <thead>
        <tr>
          <SortableHeader label="Hello world" direction={direction} numeric={numeric} onSort={onSort} />
        </tr>
      </thead>
    </table>,
  );
}

it('says how the table is sorted by its column, and shows it as an arrow left out of the name', () => {
  const { rerender } = table(null);
  const header = screen.getByRole('columnheader');
  expect(header.getAttribute('aria-sort')).toBe('none');
  expect(header.textContent).toBe('Hello world');
  rerender(
    <table>
      <thead>
        <tr>
          <SortableHeader label="Hello world" direction="asc" onSort={() => {}} />
        </tr>
      </thead>
    </table>,
  );
  expect(header.getAttribute('aria-sort')).toBe('ascending');
  expect(header.textContent).toBe('Hello world▲');
  // The arrow is for the eye: the button's name is the column's alone.
  expect(screen.getByRole('button', { name: 'Hello world' }).getAttribute('title')).toBe('Hello world');
});

it('sorts descending with a down arrow, and marks a numeric column', () => {
  table('desc', undefined, true);
  const header = screen.getByRole('columnheader');
  expect(header.getAttribute('aria-sort')).toBe('descending');
  expect(header.className).toBe('numeric');
  expect(header.textContent).toContain('▼');
});

it('sorts when clicked, and from the keyboard', async () => {
  const onSort = vi.fn();
  table(null, onSort);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Hello world' }));
  expect(onSort).toHaveBeenCalledTimes(1);
  await user.keyboard('{Enter}');
  await user.keyboard(' ');
  expect(onSort).toHaveBeenCalledTimes(3);
});
