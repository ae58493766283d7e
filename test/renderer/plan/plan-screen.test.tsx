// @vitest-environment jsdom
/** The Plan screen as a user works it: the checklist, adding and editing cycles, closing one, the timeline. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../../shared/domain';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { addCycle, startCycle } from '../../../renderer/features/plan/data/cycles';
import PlanScreen from '../../../renderer/features/plan/PlanScreen';
import { freshDb, PROGRAM, renderWith, resetAll } from './helpers';

// The Apps area's part of the cycle detail is tested with the Apps area.
vi.mock('../../../renderer/features/apps/CycleAppsSummary', () => ({ CycleAppsSummary: () => null }));

// Only the clock is faked, so "today" is the same on every machine; timers stay real for Dexie.
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

/** The error message shown under a labelled field. */
function errorAt(label: string): string | null {
  const input = screen.getByLabelText(label);
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return (
    ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))
      ?.textContent ?? null
  );
}

describe('the Plan screen', () => {
  it('shows the program and selects the first planned cycle by default', async () => {
    await openPlan();
    expect(screen.getByRole('heading', { name: 'Cloud-native 2026' })).toBeInTheDocument();
    expect(screen.getByText('Tanzu')).toBeInTheDocument();
    expect(screen.getByText('Initial Phase – Create the Platform with Developers')).toBeInTheDocument();
    expect(screen.getByText('0 of 8 done')).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Pick one app for business & technical feasibility.' }),
    ).not.toBeChecked();
  });

  it('stamps today when a checklist step is ticked, and clears it when unticked', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    await user.click(screen.getByRole('checkbox', { name: 'Developer toil audit.' }));
    const date = await screen.findByLabelText('Done date of “Developer toil audit.”');
    expect(date).toHaveValue('2026-05-10');
    expect(todayIso()).toBe('2026-05-10');
    expect(screen.getByText('1 of 8 done')).toBeInTheDocument();
    const stored = await database.cycles.get(initialCycle.id);
    expect(stored?.checklist.find((i) => i.stepId === 'initial-3')).toMatchObject({
      done: true,
      doneOn: '2026-05-10',
    });

    await user.click(screen.getByRole('checkbox', { name: 'Developer toil audit.' }));
    await waitFor(() => expect(screen.queryByLabelText('Done date of “Developer toil audit.”')).toBeNull());
    expect(screen.getByText('0 of 8 done')).toBeInTheDocument();
  });

  it('lets the done date be corrected, and refuses to save a cleared one', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    await user.click(screen.getByRole('checkbox', { name: 'Developer toil audit.' }));
    const date = await screen.findByLabelText('Done date of “Developer toil audit.”');
    fireEvent.change(date, { target: { value: '2026-02-03' } });
    fireEvent.blur(date);
    await waitFor(async () =>
      expect((await database.cycles.get(initialCycle.id))?.checklist[2]?.doneOn).toBe('2026-02-03'),
    );
    const again = await screen.findByLabelText('Done date of “Developer toil audit.”');
    fireEvent.change(again, { target: { value: '' } });
    fireEvent.blur(again);
    expect(await screen.findByText('Enter the date the step was done, e.g. 2026-01-31')).toBeInTheDocument();
    expect((await database.cycles.get(initialCycle.id))?.checklist[2]?.doneOn).toBe('2026-02-03');
  });

  it('is one tab stop for the checklist: arrows walk the steps, Space ticks, a date is one more stop', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    const list = screen.getByRole('checkbox', { name: 'Developer toil audit.' }).closest('ol')!;
    const boxes = within(list).getAllByRole('checkbox');
    expect(boxes).toHaveLength(8);
    expect(boxes.filter((b) => b.tabIndex === 0)).toHaveLength(1);

    boxes[0]!.focus();
    // Tick all eight steps: Space, then ↓ and Space for each of the other seven (15 keys).
    await user.keyboard(' ' + '{ArrowDown} '.repeat(7));
    await waitFor(async () =>
      expect((await database.cycles.get(initialCycle.id))?.checklist.every((i) => i.done)).toBe(true),
    );
    expect(await screen.findByText('8 of 8 done')).toBeInTheDocument();
    expect(document.activeElement).toBe(boxes[7]);
    // Eight ticked dates, yet only the focused step's checkbox and its date are in the tab order.
    const stops = [...list.querySelectorAll<HTMLElement>('input')].filter((e) => e.tabIndex >= 0);
    expect(stops).toEqual([boxes[7], screen.getByLabelText('Done date of “Do this for 3 months.”')]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(boxes[0]);
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByLabelText('Done date of “Platform team: owner, operators, engineers, advocate”'),
    );
    // The date is typed as yyyy-mm-dd and saved on Enter.
    await user.clear(document.activeElement!);
    await user.keyboard('2026-05-01{Enter}');
    await waitFor(async () =>
      expect((await database.cycles.get(initialCycle.id))?.checklist[0]?.doneOn).toBe('2026-05-01'),
    );
  });

  it('proposes the next cycle from the hand-over day, one cycle length long', async () => {
    const user = userEvent.setup();
    const { database } = await openPlan();
    await user.click(screen.getAllByRole('button', { name: '+ Add cycle' })[0]!);
    const form = await screen.findByRole('form', { name: 'New cycle' });
    expect(within(form).getByText('Scaling cycle 1')).toBeInTheDocument();
    expect(within(form).getByLabelText('Start date')).toHaveValue('2026-04-30');
    expect(within(form).getByLabelText('End date')).toHaveValue('2026-07-30');
    expect(within(form).getByLabelText('Goal (apps)')).toHaveValue(3);

    // The proposed end follows a new start until the user sets the end.
    fireEvent.change(within(form).getByLabelText('Start date'), { target: { value: '2026-05-31' } });
    expect(within(form).getByLabelText('End date')).toHaveValue('2026-08-31');

    await user.type(within(form).getByLabelText('Cycle name'), 'Payments & search');
    await user.click(within(form).getByRole('button', { name: 'Add cycle' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Scaling cycle 1 — Payments & search' }),
    ).toBeInTheDocument();
    const stored = await database.cycles.where('index').equals(1).first();
    expect(stored).toMatchObject({
      startDate: '2026-05-31',
      endDate: '2026-08-31',
      goalApps: 3,
      status: 'planned',
    });
    expect(
      screen.getByText('Scaling Phase: Pairing & Seeding to build trust & training'),
    ).toBeInTheDocument();
  });

  it('shows each bad field of a new cycle at the field and saves nothing', async () => {
    const user = userEvent.setup();
    const { database } = await openPlan();
    await user.click(screen.getAllByRole('button', { name: '+ Add cycle' })[0]!);
    const form = await screen.findByRole('form', { name: 'New cycle' });
    fireEvent.change(within(form).getByLabelText('End date'), { target: { value: '2026-03-01' } });
    fireEvent.change(within(form).getByLabelText('Goal (apps)'), { target: { value: '2.5' } });
    fireEvent.change(within(form).getByLabelText('Cycle name'), { target: { value: 'x'.repeat(10_000) } });
    await user.click(within(form).getByRole('button', { name: 'Add cycle' }));
    await within(form).findByText('End date must be after the start date');
    expect(errorAt('End date')).toBe('End date must be after the start date');
    expect(errorAt('Goal (apps)')).toBe('Goal must be a whole number');
    expect(errorAt('Cycle name')).toBe('Cycle name must be at most 200 characters');
    expect(within(form).getByLabelText('Cycle name')).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(within(form).getByLabelText('Goal (apps)'), { target: { value: '-1' } });
    await user.click(within(form).getByRole('button', { name: 'Add cycle' }));
    await waitFor(() => expect(errorAt('Goal (apps)')).toBe('Goal cannot be negative'));

    // The browser empties a date input that holds an impossible date; the field says so.
    fireEvent.change(within(form).getByLabelText('Start date'), { target: { value: '2026-02-30' } });
    await user.click(within(form).getByRole('button', { name: 'Add cycle' }));
    await waitFor(() => expect(errorAt('Start date')).toBe('Start date is required'));
    expect(await database.cycles.count()).toBe(1);
  });

  it('edits a cycle and keeps the stored one when the edit is invalid', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    await user.click(screen.getByRole('button', { name: 'Edit Initial phase' }));
    const form = await screen.findByRole('form', { name: 'Edit Initial phase' });
    fireEvent.change(within(form).getByLabelText('Cycle name'), { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText('Goal (apps)'), { target: { value: '' } });
    await user.click(within(form).getByRole('button', { name: 'Save cycle' }));
    await waitFor(() => expect(errorAt('Goal (apps)')).toBe('Goal must be a number'));
    expect(await database.cycles.get(initialCycle.id)).toEqual(initialCycle);

    fireEvent.change(within(form).getByLabelText('Goal (apps)'), { target: { value: '1' } });
    fireEvent.change(within(form).getByLabelText('Cycle name'), { target: { value: 'Golden path' } });
    await user.selectOptions(within(form).getByLabelText('Status'), 'active');
    await user.click(within(form).getByRole('button', { name: 'Save cycle' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Initial phase — Golden path' }),
    ).toBeInTheDocument();
    expect((await database.cycles.get(initialCycle.id))?.status).toBe('active');
  });

  it('starts a cycle, then closes it and starts the next in one confirmed action', async () => {
    const user = userEvent.setup();
    const { database } = await openPlan();
    await user.click(screen.getByRole('button', { name: 'Start cycle' }));
    await screen.findByRole('button', { name: 'Close cycle and start next' });
    await user.click(screen.getByRole('button', { name: 'Close cycle and start next' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close Initial phase?' });
    expect(within(dialog).getByText(/a new/)).toHaveTextContent('a new Scaling cycle 1 is added and started');
    await user.click(within(dialog).getByRole('button', { name: 'Close and start next' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Scaling cycle 1' })).toBeInTheDocument();
    const stored = await database.cycles.orderBy('index').toArray();
    expect(stored.map((c) => [c.index, c.status])).toEqual([
      [0, 'closed'],
      [1, 'active'],
    ]);
  });

  it('offers to delete only the last cycle', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    await addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database);
    expect(await screen.findByRole('button', { name: /Scaling cycle 1/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete Initial phase' })).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Scaling cycle 1/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete Scaling cycle 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Scaling cycle 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete cycle' }));
    await waitFor(async () => expect(await database.cycles.count()).toBe(1));
    expect((await database.cycles.toArray())[0]?.id).toBe(initialCycle.id);
  });

  it('draws every cycle on the timeline, selectable with the keyboard', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    await startCycle(initialCycle.id, database);
    await addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 4 }, database);
    const timeline = await screen.findByRole('listbox', { name: 'Cycles on the timeline' });
    await waitFor(() => expect(within(timeline).getAllByRole('option')).toHaveLength(2));
    const [first, second] = within(timeline).getAllByRole('option');
    // Each name starts with the bar's own text, whichever form of it (Cycle 1, C1, 1) fits the
    // bar: what the cycle got to the platform against its goal, once the apps are counted.
    await waitFor(() =>
      expect(first).toHaveAccessibleName(
        'Initial 0/1 · Initial phase · 0 on platform · goal 1: Initial phase, active, 31 Jan 2026 to 30 Apr 2026, checklist 0 of 8 done',
      ),
    );
    expect(second).toHaveAccessibleName(
      'C1 · Cycle 1 · goal 4: Scaling cycle 1, planned, 30 Apr 2026 to 30 Jul 2026, checklist 0 of 7 done',
    );
    expect(first).toHaveAttribute('aria-selected', 'true');
    first!.focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(second).toHaveAttribute('aria-selected', 'true'));
    expect(second).toHaveFocus();
    expect(screen.getByRole('heading', { level: 2, name: 'Scaling cycle 1' })).toBeInTheDocument();
    await user.keyboard('{Home}');
    await waitFor(() => expect(first).toHaveFocus());
  });

  it('saves retro notes', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    await user.type(screen.getByRole('textbox', { name: 'Retro notes' }), 'Pairing worked');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save notes' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect((await database.cycles.get(initialCycle.id))?.retroNotes).toBe('Pairing worked');
  });

  it('reads retro notes that start or end with a line break as saved once saved', async () => {
    const user = userEvent.setup();
    const { database, initialCycle } = await openPlan();
    const notes = screen.getByRole('textbox', { name: 'Retro notes' });
    await user.type(notes, '{Enter}Pairing worked{Enter}');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save notes' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect((await database.cycles.get(initialCycle.id))?.retroNotes).toBe('Pairing worked');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save notes' })).toBeDisabled();
    // A real change still counts.
    await user.type(notes, ' again');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });
});
