// @vitest-environment jsdom
/** A cycle's apps on Plan, read again when Plan is opened again. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import CycleAppsSummary, { LISTED_APPS } from '../../../renderer/features/apps/CycleAppsSummary';
import { useAppsUi } from '../../../renderer/store/apps';
import { useUi } from '../../../renderer/store/ui';
import { EMPTY_FILTERS } from '../../../shared/domain/app-table';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { PROGRAM } from '../plan/helpers';
import { freshDb, renderWith, resetAll } from './helpers';

afterEach(resetAll);

describe('a cycle’s apps', () => {
  it('are drawn at once when the cycle is shown again, and follow an app selected meanwhile', async () => {
    const database = freshDb();
    const { initialCycle } = await createProgram(PROGRAM, database);
    const selected = { stage: 'selected', selectedOn: PROGRAM.startDate, cycleId: initialCycle.id } as const;
    await createApp({ name: 'Ledger', ...selected }, database);
    const first = renderWith(database, <CycleAppsSummary cycle={initialCycle} />);
    expect(await screen.findByText('Ledger')).toBeInTheDocument();
    first.unmount();

    await createApp({ name: 'Payments', ...selected }, database);
    renderWith(database, <CycleAppsSummary cycle={initialCycle} />);
    // Kept: the first render has the apps read before (no "Loading…"), then the new one follows.
    expect(screen.queryByText('Loading the cycle’s apps…')).not.toBeInTheDocument();
    expect(screen.getByText('Ledger')).toBeInTheDocument();
    expect(await screen.findByText('Payments')).toBeInTheDocument();
  });

  it('lists the first apps by name, and leads to all of them in the table filtered to the cycle', async () => {
    const database = freshDb();
    const { initialCycle } = await createProgram(PROGRAM, database);
    const selected = { stage: 'selected', selectedOn: PROGRAM.startDate, cycleId: initialCycle.id } as const;
    const name = (n: number) => `App ${String(n).padStart(2, '0')}`;
    for (let n = 1; n <= LISTED_APPS + 3; n++) await createApp({ name: name(n), ...selected }, database);
    await createApp({ name: 'Candidate', stage: 'candidate', cycleId: initialCycle.id }, database);
    renderWith(database, <CycleAppsSummary cycle={initialCycle} />);
    expect(await screen.findByText(name(LISTED_APPS))).toBeInTheDocument();
    expect(screen.queryByText(name(LISTED_APPS + 1))).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(LISTED_APPS);
    // The count says every app of the cycle, selected or only linked.
    expect(screen.getByTestId('cycle-range')).toHaveTextContent(`${LISTED_APPS + 3} of`);
    await userEvent.click(
      screen.getByRole('button', { name: `All ${LISTED_APPS + 4} apps of this cycle in the apps table` }),
    );
    expect(useAppsUi.getState().filters).toEqual({ ...EMPTY_FILTERS, cycleId: initialCycle.id });
    expect(useUi.getState().route).toBe('apps');
  });
});
