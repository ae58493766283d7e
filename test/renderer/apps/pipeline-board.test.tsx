// @vitest-environment jsdom
/** The pipeline board: moving cards by keyboard and by drag-and-drop, each move stamping its step's date. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { todayIso } from '../../../shared/domain';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { COLUMN_LIMIT } from '../../../renderer/features/apps/PipelineBoard';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { freshDb, renderWith, resetAll } from './helpers';
import { appRecord, blockerRecord, cycleRecord } from '../db/db-helpers';

afterEach(resetAll);

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

describe('the pipeline board', () => {
  it('shows a column per stage with its cards', async () => {
    const database = freshDb();
    await createApp({ name: 'Payments' }, database);
    await createApp({ name: 'Ledger', stage: 'onboarding', selectedOn: '2026-01-02' }, database);
    renderWith(database, <AppsScreen route="apps/board" />);
    await screen.findByText('Payments');
    const names = ['Candidate', 'Selected', 'Onboarding', 'On platform', 'Paused', 'Dropped'];
    for (const name of names) expect(column(name)).toBeInTheDocument();
    expect(within(column('Candidate')).getByText('Payments')).toBeInTheDocument();
    expect(within(column('Onboarding')).getByText('Ledger')).toBeInTheDocument();
  });

  it('moves a focused card one stage right with the arrow key, stamps the date, announces it and keeps focus', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const app = await createApp({ name: 'Payments' }, database);
    renderWith(database, <AppsScreen route="apps/board" />);
    const card = await screen.findByRole('listitem', { name: 'Payments, Candidate' });
    card.focus();
    await user.keyboard('{ArrowRight}');

    await waitFor(async () => expect((await database.apps.get(app.id))!.stage).toBe('selected'));
    expect((await database.apps.get(app.id))!.selectedOn).toBe(todayIso());
    expect(await screen.findByText('Payments moved to Selected.')).toBeInTheDocument();
    const moved = await within(column('Selected')).findByRole('listitem', { name: 'Payments, Selected' });
    await waitFor(() => expect(document.activeElement).toBe(moved));

    // And on to the platform: every later step gets its date.
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await waitFor(async () => expect((await database.apps.get(app.id))!.stage).toBe('on-platform'));
    const live = (await database.apps.get(app.id))!;
    expect(live.firstDeployOn).toBe(todayIso());
    expect(live.productionOn).toBe(todayIso());
  });

  it('moves a card with its "Move to" menu', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const app = await createApp({ name: 'Ledger' }, database);
    renderWith(database, <AppsScreen route="apps/board" />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Move Ledger to' }), 'Paused');
    await waitFor(async () => expect((await database.apps.get(app.id))!.stage).toBe('paused'));
    expect(await within(column('Paused')).findByText('Ledger')).toBeInTheDocument();
  });

  it('moves a card dropped on another column', async () => {
    const database = freshDb();
    const app = await createApp({ name: 'Search' }, database);
    renderWith(database, <AppsScreen route="apps/board" />);
    const card = await screen.findByRole('listitem', { name: 'Search, Candidate' });
    const store = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => store.set(type, value),
      getData: (type: string) => store.get(type) ?? '',
      get types() {
        return [...store.keys()];
      },
      dropEffect: 'none',
      effectAllowed: 'all',
    };
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(column('Onboarding'), { dataTransfer });
    fireEvent.drop(column('Onboarding'), { dataTransfer });
    // Candidate → Onboarding skips "Selected": the board asks when that was, today by default.
    fireEvent.click(await screen.findByRole('button', { name: 'Move to Onboarding' }));
    await waitFor(async () => expect((await database.apps.get(app.id))!.stage).toBe('onboarding'));
    expect((await database.apps.get(app.id))!.selectedOn).toBe(todayIso());
  });

  it('shows the first cards of a long column and all of them on request', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await act(() =>
      database.apps.bulkAdd(
        Array.from({ length: COLUMN_LIMIT + 5 }, (_, i) => appRecord({ name: `App ${i}` })),
      ),
    );
    renderWith(database, <AppsScreen route="apps/board" />);
    await screen.findByText('App 0');
    expect(within(column('Candidate')).getAllByRole('listitem')).toHaveLength(COLUMN_LIMIT);
    await user.click(screen.getByRole('button', { name: `Show all ${COLUMN_LIMIT + 5}` }));
    expect(within(column('Candidate')).getAllByRole('listitem')).toHaveLength(COLUMN_LIMIT + 5);
  });

  it('asks for the dates a move from the "Move…" menu skips, refuses them out of order, and stores them', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const app = await createApp({ name: 'Ledger', stage: 'selected', selectedOn: '2026-01-05' }, database);
    renderWith(database, <AppsScreen route="apps/board" />);
    const menu = await screen.findByRole('combobox', { name: 'Move Ledger to' });
    menu.focus();
    await user.selectOptions(menu, 'On platform');

    const dialog = await screen.findByRole('dialog', { name: 'When did these steps happen?' });
    expect(dialog).toHaveTextContent('Moving Ledger from Selected to On platform skips Onboarding.');
    expect(dialog).toHaveTextContent('Already recorded: selected on 5 Jan 2026.');
    const helloWorld = within(dialog).getByLabelText('First deploy (hello world)');
    const production = within(dialog).getByLabelText('In production on');
    // Each date starts as today, and the first one has the focus.
    expect(helloWorld).toHaveValue(todayIso());
    expect(production).toHaveValue(todayIso());
    await waitFor(() => expect(document.activeElement).toBe(helloWorld));

    await user.clear(helloWorld);
    await user.type(helloWorld, '2026-01-02');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(helloWorld).toHaveAccessibleDescription('First deploy cannot be before the app was selected'),
    );
    expect((await database.apps.get(app.id))!.stage).toBe('selected');

    await user.clear(helloWorld);
    await user.type(helloWorld, '2026-02-10');
    await user.clear(production);
    await user.type(production, '2026-03-01');
    await user.click(within(dialog).getByRole('button', { name: 'Move to On platform' }));

    await waitFor(async () => expect((await database.apps.get(app.id))!.stage).toBe('on-platform'));
    expect(await database.apps.get(app.id)).toMatchObject({
      selectedOn: '2026-01-05',
      firstDeployOn: '2026-02-10',
      productionOn: '2026-03-01',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const moved = await within(column('On platform')).findByRole('listitem', { name: 'Ledger, On platform' });
    await waitFor(() => expect(document.activeElement).toBe(moved));
    expect(screen.getByText('Ledger moved to On platform.')).toBeInTheDocument();
  });

  it('asks for the dates when an arrow key skips a step, and leaves the card as it was on Cancel', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    // Paused before hello world: back onto the platform skips onboarding's first deploy.
    const app = await createApp({ name: 'Search', stage: 'paused', selectedOn: '2026-01-05' }, database);
    renderWith(database, <AppsScreen route="apps/board" />);
    const card = await screen.findByRole('listitem', { name: 'Search, Paused' });
    card.focus();
    await user.keyboard('{ArrowLeft}');

    const dialog = await screen.findByRole('dialog', { name: 'When did these steps happen?' });
    expect(within(dialog).getByLabelText('First deploy (hello world)')).toHaveValue(todayIso());
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await database.apps.get(app.id)).toEqual(app);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('listitem', { name: 'Search, Paused' })),
    );
  });

  it('flags a card whose dates fall outside its cycle', async () => {
    const database = freshDb();
    const cycle = cycleRecord({ index: 1, startDate: '2027-03-02', endDate: '2027-06-02' });
    await act(() => database.cycles.add(cycle));
    await createApp(
      {
        name: 'Billing',
        stage: 'on-platform',
        cycleId: cycle.id,
        selectedOn: '2026-11-02',
        firstDeployOn: '2026-11-20',
        productionOn: '2026-12-02',
      },
      database,
    );
    await createApp(
      { name: 'Docs', stage: 'selected', cycleId: cycle.id, selectedOn: '2027-02-20' },
      database,
    );
    renderWith(database, <AppsScreen route="apps/board" />);
    const card = await screen.findByRole('listitem', { name: 'Billing, On platform' });
    // The card shows its latest step's date, and how many more are outside the cycle.
    expect(card).toHaveAccessibleDescription(
      expect.stringContaining(
        'In production 2 Dec 2026 — before Scaling cycle 1 starts (2 Mar 2027); 1 more date outside the cycle',
      ),
    );
    // Selected ahead of its cycle: nothing to flag.
    const docs = screen.getByRole('listitem', { name: 'Docs, Selected' });
    expect(docs).toHaveAttribute('aria-describedby', 'board-help');
  });
});

describe('the open blockers on the pipeline cards', () => {
  it('shows how many unresolved blockers each card has, linked to them, from one read for every card', async () => {
    const database = freshDb();
    const ledger = await createApp(
      { name: 'Ledger', stage: 'onboarding', selectedOn: '2026-01-02' },
      database,
    );
    const payments = await createApp({ name: 'Payments' }, database);
    await act(() =>
      database.blockers.bulkAdd([
        blockerRecord([{ status: 'open', on: '2026-01-05' }], { appId: ledger.id }),
        blockerRecord(
          [
            { status: 'open', on: '2026-01-06' },
            { status: 'mitigating', on: '2026-01-09' },
          ],
          { appId: ledger.id },
        ),
        // Resolved: not counted.
        blockerRecord(
          [
            { status: 'open', on: '2026-01-06' },
            { status: 'resolved', on: '2026-01-20' },
          ],
          { appId: ledger.id },
        ),
        blockerRecord(
          [
            { status: 'open', on: '2026-01-06' },
            { status: 'resolved', on: '2026-01-07' },
          ],
          { appId: payments.id },
        ),
      ]),
    );
    const reads = vi.spyOn(database.blockers, 'where');
    renderWith(database, <AppsScreen route="apps/board" />);
    const card = await screen.findByRole('listitem', { name: 'Ledger, Onboarding, 2 open blockers' });
    const badge = within(card).getByRole('link', { name: '2 open blockers' });
    expect(badge).toHaveAttribute('href', `#/blockers/register?status=unresolved&appId=${ledger.id}`);
    // Out of the tab order: the card stays one tab stop.
    expect(badge).toHaveAttribute('tabindex', '-1');
    const other = screen.getByRole('listitem', { name: 'Payments, Candidate' });
    expect(within(other).queryByTestId('card-open-blockers')).not.toBeInTheDocument();
    // Every card's count came from reads of the appId index for all the cards at once.
    for (const call of reads.mock.calls) expect(call[0]).toBe('appId');
    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('follows a blocker resolved elsewhere', async () => {
    const database = freshDb();
    const app = await createApp({ name: 'Ledger', stage: 'selected', selectedOn: '2026-01-02' }, database);
    const blocker = blockerRecord([{ status: 'open', on: '2026-01-05' }], { appId: app.id });
    await act(() => database.blockers.add(blocker));
    renderWith(database, <AppsScreen route="apps/board" />);
    await screen.findByRole('listitem', { name: 'Ledger, Selected, 1 open blocker' });
    await act(() =>
      database.blockers.update(blocker.id, {
        status: 'resolved',
        resolvedOn: '2026-01-08',
        statusHistory: [...blocker.statusHistory, { status: 'resolved', on: '2026-01-08' }],
      }),
    );
    expect(await screen.findByRole('listitem', { name: 'Ledger, Selected' })).toBeInTheDocument();
  });
});
