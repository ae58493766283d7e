// @vitest-environment jsdom
/** The pipeline board: moving cards by keyboard and by drag-and-drop, each move stamping its step's date. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { todayIso } from '../../../shared/domain';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { COLUMN_LIMIT } from '../../../renderer/features/apps/PipelineBoard';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { freshDb, renderWith, resetAll } from './helpers';
import { appRecord } from '../db/db-helpers';

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
});
