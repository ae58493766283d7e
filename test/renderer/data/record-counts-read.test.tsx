// @vitest-environment jsdom
/**
 * The Data screen's records per table: read from the kept counts (one row per table, equal to a
 * count of each), from the screen's first render.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heldBack } from '../held-back';
import { DATA_TABLES } from '../../../renderer/db/database';
import { useRecordCounts } from '../../../renderer/features/data/data/queries';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { PROGRAM, freshDb, renderWith, resetAll } from '../plan/helpers';

afterEach(resetAll);

describe('the records per table', () => {
  it('equal a count of each table, read from the kept counts', async () => {
    const database = freshDb();
    await createProgram(PROGRAM, database);
    const counted = vi.spyOn(database.cycles, 'count');
    let seen: Record<string, number> | undefined;
    function Counts() {
      seen = useRecordCounts();
      return <p>{seen ? 'counted' : 'counting'}</p>;
    }
    renderWith(database, <Counts />);
    expect(await screen.findByText('counted')).toBeInTheDocument();
    const sizes = await Promise.all(DATA_TABLES.map((name) => database.table(name).count()));
    expect(seen).toEqual(Object.fromEntries(DATA_TABLES.map((name, i) => [name, sizes[i]])));
    expect(seen!.cycles).toBeGreaterThan(0);
    // One row per table, not a count of each table: the screen counted nothing itself.
    expect(counted).not.toHaveBeenCalled();
  });

  it('are read from the screen’s first render, before React commits it', async () => {
    const database = freshDb();
    await createProgram(PROGRAM, database);
    const read = vi.spyOn(database.recordCounts, 'toArray');
    function Counts() {
      useRecordCounts();
      return <p>counts</p>;
    }
    renderWith(database, heldBack(<Counts />));
    expect(screen.getByText('loading')).toBeInTheDocument();
    await waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('counts')).not.toBeInTheDocument();
  });
});
