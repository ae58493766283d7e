// @vitest-environment jsdom
/** Closing a cycle says what is left open and offers to carry the unfinished apps over; it can be undone. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInput } from '../../../shared/domain';
import { setChecklistStep, startCycle } from '../../../renderer/features/plan/data/cycles';
import { createProgram } from '../../../renderer/features/plan/data/program';
import PlanScreen from '../../../renderer/features/plan/PlanScreen';
import { Toasts } from '../../../renderer/ui/Toasts';
import { appRecord } from '../db/db-helpers';
import { freshDb, PROGRAM, renderWith, resetAll } from './helpers';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 3, 20, 12));
});
afterEach(async () => {
  vi.useRealTimers();
  await resetAll();
});

async function activeWithApps() {
  const database = freshDb();
  const { initialCycle } = await createProgram(PROGRAM, database);
  await startCycle(initialCycle.id, database);
  const inInitial = (name: string, stage: AppInput['stage'], extra: Partial<AppInput> = {}) =>
    appRecord({ name, stage, cycleId: initialCycle.id, selectedOn: '2026-02-02', ...extra });
  const apps = {
    live: inInitial('Payments', 'on-platform', { firstDeployOn: '2026-02-20' }),
    onboarding: inInitial('Ledger', 'onboarding'),
    selected: inInitial('Search', 'selected'),
  };
  await database.apps.bulkAdd(Object.values(apps));
  renderWith(
    database,
    <>
      <PlanScreen route="plan" />
      <Toasts />
    </>,
  );
  await screen.findByRole('heading', { level: 2, name: 'Initial phase' });
  return { database, initialCycle, apps };
}

async function openCloseDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Close cycle and start next' }));
  return screen.findByRole('dialog', { name: 'Close Initial phase?' });
}

describe('closing a cycle', () => {
  it('lists the open checklist steps and the apps not on the platform yet', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await activeWithApps();
    await setChecklistStep(initialCycle.id, 'initial-3', true, '2026-02-10', database);
    const dialog = await openCloseDialog(user);
    expect(within(dialog).getByText(/are not ticked/)).toHaveTextContent('7 of 8 steps are not ticked:');
    const steps = within(dialog).getByRole('region', { name: 'Checklist' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(7);
    expect(within(steps).getByText('Pick one app for business & technical feasibility.')).toBeInTheDocument();
    expect(within(steps).queryByText('Developer toil audit.')).toBeNull();

    const apps = within(dialog).getByRole('region', { name: 'Apps not on the platform yet' });
    await waitFor(() => expect(within(apps).getAllByRole('listitem')).toHaveLength(2));
    expect(
      within(apps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ledger · Onboarding', 'Search · Selected']);
    expect(within(apps).getByText(/not on the platform yet:/)).toHaveTextContent(
      '2 apps selected into Initial phase are not on the platform yet:',
    );
    expect(
      within(dialog).getByRole('checkbox', { name: 'Carry the 2 unfinished apps over into Scaling cycle 1' }),
    ).toBeChecked();
  });

  it('carries the unfinished apps over into the next cycle, and Undo puts everything back', async () => {
    const user = userEvent.setup();
    const { database, initialCycle, apps } = await activeWithApps();
    const dialog = await openCloseDialog(user);
    await within(dialog).findByText('Ledger');
    await user.click(within(dialog).getByRole('button', { name: 'Close and start next' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Scaling cycle 1' })).toBeInTheDocument();
    const next = (await database.cycles.where('index').equals(1).first())!;
    expect(next.status).toBe('active');
    expect((await database.apps.get(apps.onboarding.id))?.cycleId).toBe(next.id);
    expect((await database.apps.get(apps.selected.id))?.cycleId).toBe(next.id);
    expect((await database.apps.get(apps.live.id))?.cycleId).toBe(initialCycle.id);

    const toast = await screen.findByText(
      'Initial phase is closed. Scaling cycle 1 is now active (added to the plan). 2 apps carried over into it.',
    );
    await user.click(within(toast.closest('.toast') as HTMLElement).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await database.cycles.get(initialCycle.id))?.status).toBe('active'));
    expect(await database.cycles.count()).toBe(1);
    expect((await database.apps.get(apps.onboarding.id))?.cycleId).toBe(initialCycle.id);
    expect((await database.apps.get(apps.selected.id))?.cycleId).toBe(initialCycle.id);
    expect(
      await screen.findByText('Undone: Closed Initial phase and started Scaling cycle 1.'),
    ).toBeInTheDocument();
  });

  it('leaves the unfinished apps in the closed cycle when the owner unticks the carry-over', async () => {
    const user = userEvent.setup();
    const { database, initialCycle, apps } = await activeWithApps();
    const dialog = await openCloseDialog(user);
    const carry = await within(dialog).findByRole('checkbox', { name: /^Carry the 2 unfinished apps over/ });
    await user.click(carry);
    expect(within(dialog).getByText('They stay in Initial phase, which will be closed.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close and start next' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Scaling cycle 1' })).toBeInTheDocument();
    expect((await database.cycles.get(initialCycle.id))?.status).toBe('closed');
    expect((await database.apps.get(apps.onboarding.id))?.cycleId).toBe(initialCycle.id);
    expect(
      await screen.findByText('Initial phase is closed. Scaling cycle 1 is now active (added to the plan).'),
    ).toBeInTheDocument();
  });

  it('says so when nothing is left open', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const { initialCycle } = await createProgram(PROGRAM, database);
    await startCycle(initialCycle.id, database);
    for (const item of initialCycle.checklist) {
      await setChecklistStep(initialCycle.id, item.stepId, true, '2026-03-01', database);
    }
    renderWith(database, <PlanScreen route="plan" />);
    const dialog = await openCloseDialog(user);
    expect(within(dialog).getByText('Every step of the checklist is ticked.')).toBeInTheDocument();
    expect(
      await within(dialog).findByText('No app selected into Initial phase is still selected or onboarding.'),
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
  });
});
