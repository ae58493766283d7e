// @vitest-environment jsdom
/**
 * The overview screen: the program's name, the controls, and every tile and chart contribution
 * drawn for the scope the controls resolve to; a change applies at once and is kept on this
 * machine (the settings table), so the overview opens again as it was left.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import OverviewScreen from '../../../renderer/features/overview/OverviewScreen';
import { OVERVIEW_CONTROLS_KEY } from '../../../renderer/features/overview/data/controls';
import { REPORT_PAGE_SIZE_KEY } from '../../../renderer/features/overview/report';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { addCycle } from '../../../renderer/features/plan/data/cycles';
import {
  ContributionsProvider,
  NO_CONTRIBUTIONS,
  useLeadDrawn,
  type OverviewScope,
} from '../../../renderer/ui/contributions';
import { buildRecord } from '../../../renderer/db/repository';
import { cycleEndDate, teamInputSchema } from '../../../shared/domain';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { useUi } from '../../../renderer/store/ui';
import { freshDb, PROGRAM, renderWith, resetAll } from '../plan/helpers';

const Tile = (scope: OverviewScope) => <p data-testid="tile">{JSON.stringify(scope)}</p>;
const Chart = (scope: OverviewScope) => <p data-testid="chart">{scope.granularity}</p>;

function show(database: AdoptionDatabase) {
  return renderWith(
    database,
    <ContributionsProvider value={{ ...NO_CONTRIBUTIONS, overviewTiles: [Tile], overviewCharts: [Chart] }}>
      <OverviewScreen route="overview" />
    </ContributionsProvider>,
  );
}

async function tileScope(): Promise<OverviewScope> {
  return JSON.parse((await screen.findByTestId('tile')).textContent!) as OverviewScope;
}

beforeEach(() => {
  // Only the clock: IndexedDB's own timers keep running.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T12:00:00'));
});

afterEach(async () => {
  vi.useRealTimers();
  await resetAll();
});

async function programWithCycles() {
  const database = freshDb();
  // Cycle 0 runs 31 Jan – 30 Apr 2026 (the hand-over day); cycles 1–3 follow it: 0–2 have ended by December.
  const { initialCycle } = await createProgram(PROGRAM, database);
  let start = initialCycle.endDate;
  for (let index = 1; index <= 3; index++) {
    const end = cycleEndDate(start, 3);
    await addCycle(
      { index, name: '', startDate: start, endDate: end, goalApps: 3, retroNotes: '' },
      database,
    );
    start = end;
  }
  await database.teams.add(buildRecord(teamInputSchema, { name: 'Payments', kind: 'product' }, 'team'));
  return database;
}

describe('the overview screen', () => {
  it('names the program and renders every tile and chart contribution with the scope', async () => {
    const database = await programWithCycles();
    show(database);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cloud-native 2026' })).toBeInTheDocument();
    // All time by default: from the program start to the end of the last cycle, by month, as of today.
    expect(await tileScope()).toEqual({
      asOf: '2026-12-03',
      from: '2026-01-31',
      to: '2027-01-29',
      granularity: 'month',
      teamId: null,
    });
    expect(screen.getByTestId('chart')).toHaveTextContent('month');
  });

  it('applies a change of granularity, range, team and "as of" at once and keeps it for the next visit', async () => {
    const user = userEvent.setup();
    const database = await programWithCycles();
    const { unmount } = show(database);
    const controls = await screen.findByRole('form', { name: 'Overview controls' });

    await user.selectOptions(within(controls).getByLabelText('Granularity'), 'Quarter');
    await waitFor(() => expect(screen.getByTestId('chart')).toHaveTextContent('quarter'));

    await user.selectOptions(within(controls).getByLabelText('Time range'), 'This year');
    await waitFor(async () => expect((await tileScope()).from).toBe('2026-01-01'));
    expect((await tileScope()).to).toBe('2026-12-31');

    await user.selectOptions(within(controls).getByLabelText('Team'), 'Payments');
    const payments = (await database.teams.toArray())[0]!;
    await waitFor(async () => expect((await tileScope()).teamId).toBe(payments.id));

    // Only cycles that have ended are offered; the overview then shows their last day.
    const asOf = within(controls).getByLabelText('As of');
    const options = within(asOf)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toHaveLength(4); // today, then cycles 2, 1 and 0, latest first
    expect(options[1]).toMatch(/^End of Scaling cycle 2 \(29 Oct 2026\)$/);
    await user.selectOptions(asOf, options[1]!);
    await waitFor(async () => expect((await tileScope()).asOf).toBe('2026-10-29'));

    expect((await database.settings.get(OVERVIEW_CONTROLS_KEY))?.value).toMatchObject({
      range: 'this-year',
      granularity: 'quarter',
      teamId: payments.id,
    });

    unmount();
    show(database);
    expect(await tileScope()).toEqual({
      asOf: '2026-10-29',
      from: '2026-01-01',
      to: '2026-12-31',
      granularity: 'quarter',
      teamId: payments.id,
    });
    expect(screen.getByLabelText('Granularity')).toHaveValue('quarter');
  });

  it('shows a change before it is written, shows the kept controls again when the write fails, and yields to a later write', async () => {
    const user = userEvent.setup();
    const database = await programWithCycles();
    show(database);
    const controls = await screen.findByRole('form', { name: 'Overview controls' });
    await screen.findByTestId('chart');

    // The write held back: the charts move at once all the same.
    let fail: (error: Error) => void = () => {};
    const put = vi
      .spyOn(database.settings, 'put')
      .mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)) as never);
    await user.selectOptions(within(controls).getByLabelText('Granularity'), 'Quarter');
    expect(screen.getByTestId('chart')).toHaveTextContent('quarter');
    expect(screen.getByLabelText('Granularity')).toHaveValue('quarter');
    expect(put).toHaveBeenCalledTimes(1);

    // Refused: the kept controls again, and the user is told.
    await act(async () => fail(new Error('disk full')));
    await waitFor(() => expect(screen.getByTestId('chart')).toHaveTextContent('month'));
    expect(useUi.getState().toasts.at(-1)?.text).toMatch(/^The overview's controls were not kept/);
    put.mockRestore();

    // Written: kept; then another window's later choice is what shows.
    await user.selectOptions(within(controls).getByLabelText('Granularity'), 'Week');
    await waitFor(async () =>
      expect((await database.settings.get(OVERVIEW_CONTROLS_KEY))?.value).toMatchObject({
        granularity: 'week',
      }),
    );
    const kept = (await database.settings.get(OVERVIEW_CONTROLS_KEY))!.value as Record<string, unknown>;
    await database.settings.put({ key: OVERVIEW_CONTROLS_KEY, value: { ...kept, granularity: 'cycle' } });
    await waitFor(() => expect(screen.getByTestId('chart')).toHaveTextContent('cycle'));
    expect(screen.getByLabelText('Granularity')).toHaveValue('cycle');
  });

  it('switches to custom dates when a date is typed, keeping the other end of the range', async () => {
    const database = await programWithCycles();
    show(database);
    const from = await screen.findByLabelText('From');
    // A date field's value changes once a whole date is entered (years before 1970 are not taken).
    fireEvent.change(from, { target: { value: '0002-05-01' } });
    fireEvent.change(from, { target: { value: '2026-05-01' } });
    await waitFor(async () => expect((await tileScope()).from).toBe('2026-05-01'));
    expect((await tileScope()).to).toBe('2027-01-29');
    expect(screen.getByLabelText('Time range')).toHaveValue('custom');
  });

  it('keeps the paper chosen for the report and prints in the light theme on it', async () => {
    const user = userEvent.setup();
    const database = await programWithCycles();
    show(database);
    const paper = await screen.findByLabelText('Paper');
    // jsdom's language is en-US: Letter first.
    expect(paper).toHaveValue('Letter');
    await user.selectOptions(paper, 'A4 (210 × 297 mm)');
    await waitFor(async () => expect((await database.settings.get(REPORT_PAGE_SIZE_KEY))?.value).toBe('A4'));

    const during: (string | null | undefined)[] = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      during.push(document.documentElement.dataset.theme);
      during.push(document.documentElement.dataset.reportPaper);
    });
    await user.click(screen.getByRole('button', { name: 'Print report…' }));
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(during).toEqual(['light', 'A4']);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement.dataset.reportPaper).toBeUndefined();
    print.mockRestore();
  });

  it('prints every chart for the controls as they are, even those still catching up with a change', async () => {
    const database = await programWithCycles();
    const Lead = (scope: OverviewScope) => {
      useLeadDrawn(true);
      return <Chart {...scope} />;
    };
    const Other = (scope: OverviewScope) => <p data-testid="other">{scope.granularity}</p>;
    renderWith(
      database,
      <ContributionsProvider
        value={{ ...NO_CONTRIBUTIONS, overviewTiles: [Tile], overviewCharts: [Lead, Other] }}
      >
        <OverviewScreen route="overview" />
      </ContributionsProvider>,
    );
    const controls = await screen.findByRole('form', { name: 'Overview controls' });
    expect(await screen.findByTestId('other')).toHaveTextContent('month');

    const printed: string[] = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      printed.push(screen.getByTestId('chart').textContent!, screen.getByTestId('other').textContent!);
    });
    // The other chart waits for the controls to rest; the report does not wait for it. The change
    // and the click in one turn of the event loop: no timer runs between them, however busy the
    // machine, so the other chart cannot have caught up on its own.
    const granularity = within(controls).getByLabelText('Granularity');
    fireEvent.change(granularity, { target: { value: 'quarter' } });
    expect(screen.getByTestId('other')).toHaveTextContent('month');
    expect(screen.getByRole('region', { name: 'Charts' })).toHaveAttribute('aria-busy', 'true');
    fireEvent.click(screen.getByRole('button', { name: 'Print report…' }));
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(printed).toEqual(['quarter', 'quarter']);
    expect(screen.getByRole('region', { name: 'Charts' })).toHaveAttribute('aria-busy', 'false');
    window.dispatchEvent(new Event('afterprint'));
    print.mockRestore();

    // The browser's own Print (Ctrl+P) too.
    fireEvent.change(granularity, { target: { value: 'week' } });
    expect(screen.getByTestId('other')).toHaveTextContent('quarter');
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(screen.getByTestId('other')).toHaveTextContent('week');
  });
});
