// @vitest-environment jsdom
/** Plan shows what happened beside what was planned: apps on the platform per cycle and for the program. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInput } from '../../../shared/domain';
import { closeActiveAndStartNext, startCycle } from '../../../renderer/features/plan/data/cycles';
import { createProgram } from '../../../renderer/features/plan/data/program';
import PlanScreen from '../../../renderer/features/plan/PlanScreen';
import { appRecord } from '../db/db-helpers';
import { freshDb, PROGRAM, renderWith, resetAll } from './helpers';

// Today lies inside the initial phase's planned dates (31 Jan → 30 Apr 2026).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 15, 12));
});
afterEach(async () => {
  vi.useRealTimers();
  await resetAll();
});

/** The owner's quarter: four apps selected into the initial phase (goal: one), three of them live. */
async function quarterDone() {
  const database = freshDb();
  const { initialCycle } = await createProgram(PROGRAM, database);
  await startCycle(initialCycle.id, database);
  const inInitial = (name: string, stage: AppInput['stage'], extra: Partial<AppInput> = {}) =>
    appRecord({ name, stage, cycleId: initialCycle.id, selectedOn: '2026-02-02', ...extra });
  await database.apps.bulkAdd([
    inInitial('Payments', 'on-platform', { firstDeployOn: '2026-02-20' }),
    inInitial('Ledger', 'on-platform', { firstDeployOn: '2026-03-01' }),
    inInitial('Search', 'on-platform', { firstDeployOn: '2026-03-05' }),
    inInitial('Billing', 'onboarding'),
    inInitial('Mail', 'candidate', { selectedOn: null }),
    // Imported as already running on the platform, outside any cycle: part of the program's total.
    appRecord({
      name: 'Legacy portal',
      stage: 'on-platform',
      selectedOn: '2025-06-01',
      firstDeployOn: '2025-07-01',
    }),
  ]);
  return { database, initialCycle };
}

describe('actual against plan on the Plan screen', () => {
  it('says on each timeline bar what the cycle got to the platform against its goal', async () => {
    const { database } = await quarterDone();
    await closeActiveAndStartNext('2026-03-15', {}, database);
    renderWith(database, <PlanScreen route="plan" />);
    const timeline = await screen.findByRole('listbox', { name: 'Cycles on the timeline' });
    await waitFor(() => expect(within(timeline).getAllByRole('option')).toHaveLength(2));
    const [initial, next] = within(timeline).getAllByRole('option');
    await waitFor(() => expect(initial).toHaveTextContent('Initial phase · 3 on platform · goal 1'));
    expect(initial).toHaveAccessibleDescription(
      '4 apps selected, 3 on the platform, 1 still on the way, goal met',
    );
    expect(next).toHaveTextContent('Cycle 1 · 0 on platform · goal 3');
    expect(next).toHaveAccessibleDescription('no app selected');
  });

  it('shows the selected cycle’s actual apps beside its goal', async () => {
    const user = userEvent.setup();
    const { database } = await quarterDone();
    renderWith(database, <PlanScreen route="plan" />);
    await screen.findByRole('heading', { level: 2, name: 'Initial phase' });
    const actual = await screen.findByTestId('cycle-actual');
    await waitFor(() => expect(actual).toHaveTextContent('On the platform 3 of 1'));
    expect(actual).toHaveTextContent('Selected 4');
    expect(actual).toHaveTextContent('On the way 1');
    expect(actual).toHaveTextContent('Goal met');

    // A cycle that has not reached its goal says by how much.
    await user.click(screen.getByRole('button', { name: 'Edit Initial phase' }));
    const form = await screen.findByRole('form', { name: 'Edit Initial phase' });
    await user.clear(within(form).getByLabelText('Goal (apps)'));
    await user.type(within(form).getByLabelText('Goal (apps)'), '5');
    await user.click(within(form).getByRole('button', { name: 'Save cycle' }));
    await waitFor(() =>
      expect(screen.getByTestId('cycle-actual')).toHaveTextContent('2 short of the goal so far'),
    );
  });

  it('shows the apps on the platform and the adoption rate on the program card, beside the plan', async () => {
    const { database } = await quarterDone();
    renderWith(database, <PlanScreen route="plan" />);
    const card = await screen.findByRole('region', { name: 'Cloud-native 2026' });
    const stat = (name: string) => within(card).getByText(name).closest('div')!;
    await waitFor(() => expect(stat('On the platform')).toHaveTextContent('4 apps10% of the target'));
    expect(stat('Adoption rate')).toHaveTextContent('1%4 of 400 eligible apps');
    expect(stat('Planned by the last cycle')).toHaveTextContent('1 app');

    // It follows the apps as they move.
    await database.apps
      .where('name')
      .equals('Billing')
      .modify({ stage: 'on-platform', firstDeployOn: '2026-03-10' });
    await waitFor(() => expect(stat('On the platform')).toHaveTextContent('5 apps13% of the target'));
  });

  it('reads where today stands by the cycles’ status, not only their dates', async () => {
    const { database } = await quarterDone();
    renderWith(database, <PlanScreen route="plan" />);
    expect(
      await screen.findByText('Today, 15 Mar 2026, falls in Initial phase, the active cycle.'),
    ).toBeInTheDocument();
    await closeActiveAndStartNext('2026-03-15', {}, database);
    expect(
      await screen.findByText(
        'Today, 15 Mar 2026, falls within the planned dates of Initial phase, which is closed; Scaling cycle 1 is the active cycle.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/falls in Initial phase/)).toBeNull();
  });
});
