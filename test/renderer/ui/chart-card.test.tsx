// @vitest-environment jsdom
/** The chart frame: title, reading, chart or table, drill-down to records, copy. */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaveFileRequest } from '../../../shared/ipc/contract';

/** What the chart asked the desktop bridge to save. */
const saved = vi.hoisted(() => [] as SaveFileRequest[]);
vi.mock('../../../renderer/desktop', () => ({
  desktop: {
    saveFile: async (request: SaveFileRequest) => {
      saved.push(request);
      return { status: 'saved', path: `/home/u/Documents/${request.suggestedName}` };
    },
  },
}));

afterEach(() => {
  cleanup();
  saved.length = 0;
});
import { ChartCard, type ChartColumn } from '../../../renderer/ui/chart/ChartCard';
import { CSV_FORMAT_KEY } from '../../../renderer/ui/csv-export';
import { db } from '../../../renderer/db/database';
import { useUi } from '../../../renderer/store/ui';

interface Row {
  category: string;
  open: number;
}

const rows: Row[] = [
  { category: 'People & Culture', open: 12 },
  { category: 'Technical Execution', open: 3 },
];
const columns: ChartColumn<Row>[] = [
  { label: 'Category', value: (r) => r.category },
  { label: 'Open', value: (r) => r.open, numeric: true },
];

function renderCard(props: Partial<Parameters<typeof ChartCard<Row>>[0]> = {}) {
  return render(
    <ChartCard<Row>
      title="Open blockers by category"
      reading="15 open, most in People & Culture"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.category}
      {...props}
    >
      <svg data-testid="chart" />
    </ChartCard>,
  );
}

describe('ChartCard', () => {
  it('names the chart by its title and describes it by its reading', () => {
    renderCard();
    const region = screen.getByRole('region', { name: 'Open blockers by category' });
    expect(region).toHaveAccessibleDescription('15 open, most in People & Culture');
    expect(screen.getByTestId('chart')).toBeInTheDocument();
  });

  it('toggles to the data as a table and back, by keyboard', async () => {
    const user = userEvent.setup();
    renderCard();
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    const table = screen.getByRole('table', { name: 'Open blockers by category' });
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(cells).toEqual(['CategoryOpen', 'People & Culture12', 'Technical Execution3']);
    expect(screen.queryByTestId('chart')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show as chart' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Show as chart' }));
    expect(screen.getByTestId('chart')).toBeInTheDocument();
  });

  it('opens the records behind a row', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    renderCard({
      onOpen,
      openLabel: (r) => `Open the ${r.open} blockers of ${r.category}`,
      initialView: 'table',
    });
    await user.click(screen.getByRole('button', { name: 'Open the 3 blockers of Technical Execution' }));
    expect(onOpen).toHaveBeenCalledWith(rows[1]);
  });

  it('offers no Open on a row without records', () => {
    renderCard({ onOpen: vi.fn(), canOpen: (r) => r.open > 5, initialView: 'table' });
    const [, first, second] = screen.getAllByRole('row');
    expect(within(first!).getByRole('button', { name: 'Open' })).toBeInTheDocument();
    expect(within(second!).queryByRole('button')).toBeNull();
  });

  it('copies the table tab-separated', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderCard({ initialView: 'table' });
    await user.click(screen.getByRole('button', { name: 'Copy table' }));
    expect(writeText).toHaveBeenCalledWith('Category\tOpen\nPeople & Culture\t12\nTechnical Execution\t3');
    expect(await screen.findByText('Copied, tab-separated.')).toBeInTheDocument();
  });

  it('says why when there is nothing to draw, with no toggle', () => {
    renderCard({ rows: [], empty: 'No blockers in this range.' });
    expect(screen.getByText('No blockers in this range.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show as table' })).toBeNull();
    expect(screen.queryByTestId('chart')).toBeNull();
  });

  it('saves the table as CSV: the columns, then one line per row, numbers as numbers', async () => {
    const user = userEvent.setup();
    renderCard({
      rows: [...rows, { category: '=cmd|calc', open: 1.5 }],
    });
    await user.click(screen.getByRole('button', { name: 'Save CSV of Open blockers by category' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const request = saved[0]!;
    expect(request.suggestedName).toMatch(/^open-blockers-by-category-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(request.mimeType).toBe('text/csv');
    // A cell a spreadsheet would run as a formula is written as text.
    expect(request.content).toBe(
      "\uFEFFCategory,Open\r\nPeople & Culture,12\r\nTechnical Execution,3\r\n'=cmd|calc,1.5\r\n",
    );
    expect(useUi.getState().toasts.map((t) => t.text)).toEqual([
      'Exported the data of “Open blockers by category” (3 rows) to /home/u/Documents/' +
        request.suggestedName +
        '.',
    ]);
  });

  it('saves the CSV in the dialect chosen on the Data screen, from the table view too', async () => {
    const user = userEvent.setup();
    await db.settings.put({ key: CSV_FORMAT_KEY, value: 'semicolon' });
    renderCard({ rows: [{ category: 'Plans & Alignment', open: 2.5 }], initialView: 'table' });
    const button = screen.getByRole('button', { name: 'Save CSV of Open blockers by category' });
    button.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.content).toBe('\uFEFFCategory;Open\r\nPlans & Alignment;2,5\r\n');
    await db.settings.delete(CSV_FORMAT_KEY);
  });

  it('offers PNG only where the chart is drawn, and no export when there is nothing to draw', async () => {
    const user = userEvent.setup();
    renderCard();
    expect(screen.getByRole('button', { name: 'Save PNG of Open blockers by category' })).toHaveTextContent(
      'Save PNG',
    );
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(screen.queryByRole('button', { name: /Save PNG/ })).toBeNull();
    cleanup();
    renderCard({ rows: [] });
    expect(screen.queryByRole('button', { name: /Save (PNG|CSV)/ })).toBeNull();
  });
});
