// @vitest-environment jsdom
/** After an action on the Plan screen the keyboard focus lands somewhere sensible, never on the page body. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCycle, startCycle } from '../../../renderer/features/plan/data/cycles';
import { createProgram } from '../../../renderer/features/plan/data/program';
import PlanScreen from '../../../renderer/features/plan/PlanScreen';
import { freshDb, PROGRAM, renderWith, resetAll } from './helpers';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 4, 10, 12));
});
afterEach(async () => {
  vi.useRealTimers();
  await resetAll();
});

async function openPlan() {
  const database = freshDb();
  const { initialCycle } = await createProgram(PROGRAM, database);
  renderWith(database, <PlanScreen route="plan" />);
  await screen.findByRole('heading', { level: 2, name: 'Initial phase' });
  return { database, initialCycle };
}

const heading = (name: string) => screen.getByRole('heading', { level: 2, name });

describe('focus after actions on the Plan screen', () => {
  it('moves to the cycle’s heading after Start cycle, whose button is gone', async () => {
    const user = userEvent.setup();
    await openPlan();
    await user.click(screen.getByRole('button', { name: 'Start cycle' }));
    await screen.findByRole('button', { name: 'Close cycle and start next' });
    await waitFor(() => expect(document.activeElement).toBe(heading('Initial phase')));
  });

  it('moves to the started cycle’s heading after closing a cycle', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    await startCycle(initialCycle.id, database);
    await user.click(await screen.findByRole('button', { name: 'Close cycle and start next' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close Initial phase?' });
    await user.click(within(dialog).getByRole('button', { name: 'Close and start next' }));
    await screen.findByRole('heading', { level: 2, name: 'Scaling cycle 1' });
    await waitFor(() => expect(document.activeElement).toBe(heading('Scaling cycle 1')));
  });

  it('returns to the button that opened a dialog when it is cancelled', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    await startCycle(initialCycle.id, database);
    const opener = await screen.findByRole('button', { name: 'Close cycle and start next' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Close Initial phase?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('returns to the Edit button after a cycle is saved', async () => {
    const user = userEvent.setup();
    await openPlan();
    const edit = screen.getByRole('button', { name: 'Edit Initial phase' });
    await user.click(edit);
    const form = await screen.findByRole('form', { name: 'Edit Initial phase' });
    await user.type(within(form).getByLabelText('Cycle name'), 'Golden path');
    await user.click(within(form).getByRole('button', { name: 'Save cycle' }));
    await screen.findByRole('heading', { level: 2, name: 'Initial phase — Golden path' });
    await waitFor(() => expect(document.activeElement).toBe(edit));
  });

  it('moves to the new cycle’s heading after Add cycle', async () => {
    const user = userEvent.setup();
    await openPlan();
    await user.click(screen.getAllByRole('button', { name: '+ Add cycle' })[0]!);
    const form = await screen.findByRole('form', { name: 'New cycle' });
    await user.click(within(form).getByRole('button', { name: 'Add cycle' }));
    await screen.findByRole('heading', { level: 2, name: 'Scaling cycle 1' });
    await waitFor(() => expect(document.activeElement).toBe(heading('Scaling cycle 1')));
  });

  it('returns to Edit program after the program is saved', async () => {
    const user = userEvent.setup();
    await openPlan();
    const edit = screen.getByRole('button', { name: 'Edit program' });
    await user.click(edit);
    const dialog = await screen.findByRole('dialog', { name: 'Edit program' });
    await user.click(within(dialog).getByRole('button', { name: 'Save program' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit program' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(edit));
  });

  it('moves to the cycle shown next after a cycle is deleted', async () => {
    const user = userEvent.setup();
    const { database } = await openPlan();
    await addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database);
    await user.click(await screen.findByRole('button', { name: /^Scaling cycle 1/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete Scaling cycle 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Scaling cycle 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete cycle' }));
    await waitFor(() =>
      expect(screen.queryByRole('heading', { level: 2, name: 'Scaling cycle 1' })).toBeNull(),
    );
    await waitFor(() => expect(document.activeElement).toBe(heading('Initial phase')));
  });
});
