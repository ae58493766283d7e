// @vitest-environment jsdom
/** A cycle's apps on Plan, read again when Plan is opened again. */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import CycleAppsSummary from '../../../renderer/features/apps/CycleAppsSummary';
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
});
