// @vitest-environment jsdom
/**
 * No lost update on Plan: the program and cycle forms follow the stored record while untouched,
 * save only what they changed, and ask when a field was changed on both sides.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CycleForm } from '../../../renderer/features/plan/CycleForm';
import { ProgramForm } from '../../../renderer/features/plan/ProgramForm';
import type { Program } from '../../../shared/domain';

afterEach(cleanup);

const cycle = {
  index: 1,
  phase: 'scaling' as const,
  name: 'Payments',
  startDate: '2027-03-02',
  endDate: '2027-06-02',
  goalApps: 3,
  status: 'planned' as const,
};

describe('the cycle form', () => {
  it('follows a change made elsewhere and saves only the field changed here', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockResolvedValue(undefined);
    const props = { mode: 'edit' as const, cycleLengthMonths: 3, onCancel: () => {}, onSave };
    const { rerender } = render(<CycleForm {...props} initial={cycle} />);
    const goal = screen.getByRole('spinbutton', { name: 'Goal (apps)' });
    await user.clear(goal);
    await user.type(goal, '5');
    rerender(<CycleForm {...props} initial={{ ...cycle, name: 'Payments & search' }} />);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Cycle name' })).toHaveValue('Payments & search'),
    );
    await user.click(screen.getByRole('button', { name: 'Save cycle' }));
    expect(onSave).toHaveBeenCalledWith({ goalApps: 5 }, { goalApps: 3 });
  });

  it('shows both values when the same field changed on both sides, and saves nothing until the user chooses', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockResolvedValue(undefined);
    const props = { mode: 'edit' as const, cycleLengthMonths: 3, onCancel: () => {}, onSave };
    const { rerender } = render(<CycleForm {...props} initial={cycle} />);
    const goal = screen.getByRole('spinbutton', { name: 'Goal (apps)' });
    await user.clear(goal);
    await user.type(goal, '5');
    rerender(<CycleForm {...props} initial={{ ...cycle, goalApps: 4 }} />);
    const notice = await screen.findByRole('alert', { name: 'Changed elsewhere' });
    expect(notice).toHaveTextContent('Goal (apps)yours: “5” · saved elsewhere: “4”');
    await user.click(screen.getByRole('button', { name: 'Save cycle' }));
    expect(onSave).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Use saved for Goal (apps)' }));
    expect(goal).toHaveValue(4);
  });
});

describe('the program form', () => {
  it('saves only the changed field, against the value it had when the form opened', async () => {
    const user = userEvent.setup();
    const program = {
      id: 'p',
      createdAt: '',
      updatedAt: '',
      name: 'Modernization',
      platformName: 'Atlas',
      startDate: '2026-12-01',
      targetApps: 60,
      eligibleApps: 200,
      cycleLengthMonths: 3,
    } as Program;
    const onSave = vi.fn().mockResolvedValue(undefined);
    const props = { submitLabel: 'Save program', onCancel: () => {}, onSave };
    const { rerender } = render(<ProgramForm {...props} program={program} />);
    const target = screen.getByRole('spinbutton', { name: 'Target apps' });
    await user.clear(target);
    await user.type(target, '80');
    rerender(<ProgramForm {...props} program={{ ...program, platformName: 'Atlas 2' }} />);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Platform name' })).toHaveValue('Atlas 2'),
    );
    await user.click(screen.getByRole('button', { name: 'Save program' }));
    expect(onSave).toHaveBeenCalledWith({ targetApps: 80 }, { targetApps: 60 });
  });
});
