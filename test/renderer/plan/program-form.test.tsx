// @vitest-environment jsdom
/** The program form, in the welcome screen (create) and the Plan screen (edit): errors at the field, nothing saved. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgram } from '../../../renderer/features/plan/data/program';
import PlanScreen from '../../../renderer/features/plan/PlanScreen';
import { WelcomeScreen } from '../../../renderer/features/plan/WelcomeScreen';
import { freshDb, PROGRAM, renderWith, resetAll } from './helpers';

vi.mock('../../../renderer/features/apps/CycleAppsSummary', () => ({ CycleAppsSummary: () => null }));
vi.mock('../../../renderer/db/demo', () => ({ loadDemoProgram: vi.fn() }));

afterEach(resetAll);

function errorAt(form: HTMLElement, label: string): string | null {
  const input = within(form).getByLabelText(label);
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return (
    ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))
      ?.textContent ?? null
  );
}

async function openCreateForm() {
  const database = freshDb();
  const user = userEvent.setup();
  renderWith(database, <WelcomeScreen />);
  await user.click(screen.getByRole('button', { name: 'Create a program' }));
  const form = await screen.findByRole('form', { name: 'Program' });
  return { database, user, form };
}

function fill(form: HTMLElement, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(within(form).getByLabelText(label), { target: { value } });
  }
}

const GOOD = {
  'Program name': 'Cloud-native 2026',
  'Platform name': 'Tanzu',
  'Start date': '2026-01-31',
  'Cycle length (months)': '3',
  'Target apps': '40',
  'Eligible app population': '400',
};

describe('creating a program', () => {
  it('shows every field error at its field and saves nothing', async () => {
    const { database, user, form } = await openCreateForm();
    fill(form, {
      ...GOOD,
      'Program name': '   ',
      'Platform name': '',
      'Target apps': '-3',
      'Eligible app population': '2.5',
    });
    await user.click(within(form).getByRole('button', { name: 'Create program' }));
    await waitFor(() => expect(errorAt(form, 'Program name')).toBe('Program name is required'));
    expect(errorAt(form, 'Platform name')).toBe('Platform name is required');
    expect(errorAt(form, 'Target apps')).toBe('Target apps must be at least 1');
    expect(errorAt(form, 'Eligible app population')).toBe('Eligible app population must be a whole number');
    expect(errorAt(form, 'Start date')).toBeNull();
    // The keyboard is taken to the first field to fix.
    expect(within(form).getByLabelText('Program name')).toHaveFocus();
    expect(await database.program.count()).toBe(0);
    expect(await database.cycles.count()).toBe(0);
  });

  it('refuses a 10,000-character name, an empty date and a target above the population', async () => {
    const { database, user, form } = await openCreateForm();
    // An impossible date typed into a date input reaches the form as an empty value.
    fill(form, {
      ...GOOD,
      'Program name': 'n'.repeat(10_000),
      'Start date': '2026-02-30',
      'Target apps': '500',
    });
    await user.click(within(form).getByRole('button', { name: 'Create program' }));
    await waitFor(() =>
      expect(errorAt(form, 'Program name')).toBe('Program name must be at most 200 characters'),
    );
    expect(errorAt(form, 'Start date')).toBe('Start date is required');
    expect(errorAt(form, 'Target apps')).toBe('Target apps cannot exceed the eligible app population');
    expect(await database.program.count()).toBe(0);
  });

  it('creates the program with its initial phase and opens the Plan', async () => {
    const { database, user, form } = await openCreateForm();
    fill(form, GOOD);
    await user.click(within(form).getByRole('button', { name: 'Create program' }));
    await waitFor(async () => expect(await database.program.count()).toBe(1));
    expect(await database.program.toCollection().first()).toMatchObject({
      name: 'Cloud-native 2026',
      targetApps: 40,
    });
    const cycles = await database.cycles.toArray();
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({
      index: 0,
      phase: 'initial',
      startDate: '2026-01-31',
      endDate: '2026-04-30',
    });
    await waitFor(() => expect(location.hash).toBe('#/plan'));
  });
});

describe('editing the program', () => {
  it('keeps the stored program when the edit is invalid, and saves a valid one', async () => {
    const database = freshDb();
    const user = userEvent.setup();
    const { program } = await createProgram(PROGRAM, database);
    renderWith(database, <PlanScreen route="plan" />);
    await user.click(await screen.findByRole('button', { name: 'Edit program' }));
    const form = await screen.findByRole('form', { name: 'Program' });
    expect(within(form).getByLabelText('Program name')).toHaveValue('Cloud-native 2026');
    fill(form, { 'Program name': '', 'Cycle length (months)': '0' });
    await user.click(within(form).getByRole('button', { name: 'Save program' }));
    await waitFor(() => expect(errorAt(form, 'Program name')).toBe('Program name is required'));
    expect(errorAt(form, 'Cycle length (months)')).toBe('Cycle length must be at least 1');
    expect(await database.program.get(program.id)).toEqual(program);

    fill(form, { 'Program name': 'Modernize 2026', 'Cycle length (months)': '3' });
    await user.click(within(form).getByRole('button', { name: 'Save program' }));
    expect(await screen.findByRole('heading', { name: 'Modernize 2026' })).toBeInTheDocument();
    expect((await database.program.get(program.id))?.name).toBe('Modernize 2026');
  });
});
