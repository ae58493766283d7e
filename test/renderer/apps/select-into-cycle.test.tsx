// @vitest-environment jsdom
/** "Select into cycle": it starts on the active cycle, and never offers a closed one as a target. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cycleInputSchema, newChecklist, type Cycle, type CycleStatus } from '../../../shared/domain';
import { buildRecord } from '../../../renderer/db/repository';
import { SelectIntoCycleDialog } from '../../../renderer/features/apps/SelectIntoCycleDialog';
import { appRecord } from '../db/db-helpers';
import { freshDb, renderWith, resetAll } from './helpers';

function cycle(index: number, status: CycleStatus, startDate: string, endDate: string): Cycle {
  const phase = index === 0 ? 'initial' : 'scaling';
  return buildRecord(
    cycleInputSchema,
    {
      index,
      phase,
      name: '',
      startDate,
      endDate,
      goalApps: 3,
      status,
      checklist: newChecklist(phase),
      retroNotes: '',
    },
    'The cycle',
  ) as Cycle;
}

// Today lies inside the initial phase's planned dates, which was closed early.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 15, 12));
});
afterEach(async () => {
  vi.useRealTimers();
  await resetAll();
});

async function openDialog(cycles: Cycle[]) {
  const database = freshDb();
  await database.cycles.bulkAdd(cycles);
  const picked = [
    appRecord({ name: 'Payments' }),
    appRecord({ name: 'Ledger' }),
    appRecord({ name: 'Search' }),
  ];
  await database.apps.bulkAdd(picked);
  renderWith(
    database,
    <SelectIntoCycleDialog
      open
      onClose={() => {}}
      apps={picked}
      picked={picked}
      cycles={cycles}
      onDone={() => {}}
    />,
  );
  return { database, picked, dialog: await screen.findByRole('dialog', { name: 'Select into cycle' }) };
}

describe('Select into cycle', () => {
  it('starts on the active cycle, not the closed one whose dates hold today', async () => {
    const user = userEvent.setup();
    const initial = cycle(0, 'closed', '2026-01-31', '2026-04-30');
    const next = cycle(1, 'active', '2026-04-30', '2026-07-30');
    const { database, picked, dialog } = await openDialog([initial, next]);
    const select = within(dialog).getByRole('combobox', { name: 'Cycle' });
    expect(select).toHaveValue(next.id);
    const closedOption = within(dialog).getByRole('option', { name: 'Initial phase (closed)' });
    expect(closedOption).toBeDisabled();
    expect(within(dialog).getByText(/Closed cycles cannot take new apps/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Select into Scaling cycle 1' }));
    await waitFor(async () =>
      expect((await database.apps.bulkGet(picked.map((a) => a.id))).map((a) => a?.cycleId)).toEqual([
        next.id,
        next.id,
        next.id,
      ]),
    );
  });

  it('starts on the next planned cycle when none is active', async () => {
    const initial = cycle(0, 'closed', '2026-01-31', '2026-04-30');
    const next = cycle(1, 'planned', '2026-04-30', '2026-07-30');
    const { dialog } = await openDialog([initial, next]);
    expect(within(dialog).getByRole('combobox', { name: 'Cycle' })).toHaveValue(next.id);
    expect(within(dialog).getByRole('button', { name: 'Select into Scaling cycle 1' })).toBeEnabled();
  });

  it('says so, and selects nothing, when every cycle is closed', async () => {
    const { dialog } = await openDialog([cycle(0, 'closed', '2026-01-31', '2026-04-30')]);
    expect(within(dialog).queryByRole('combobox', { name: 'Cycle' })).toBeNull();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Every cycle is closed, so there is no cycle to select apps into.',
    );
    expect(
      within(dialog).getByRole('link', { name: 'Add the next cycle on the Plan screen' }),
    ).toHaveAttribute('href', '#/plan');
    expect(within(dialog).getByRole('button', { name: 'Select into cycle' })).toBeDisabled();
  });
});
