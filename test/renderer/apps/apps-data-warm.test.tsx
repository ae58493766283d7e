// @vitest-environment jsdom
/**
 * The Apps area's data read ahead: Plan's cycle panel warms the area's data once the page is
 * idle, so the area opened afterwards draws its table in its first render instead of reading
 * 20,000 apps.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CycleAppsSummary from '../../../renderer/features/apps/CycleAppsSummary';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { useAppsData } from '../../../renderer/features/apps/data/queries';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { PROGRAM } from '../plan/helpers';
import { freshDb, renderWith, resetAll } from './helpers';

afterEach(async () => {
  vi.unstubAllGlobals();
  await resetAll();
});

describe('the Apps area’s data', () => {
  it('is read once Plan is quiet, so the area draws it in its first render', async () => {
    const idle: ((deadline: { timeRemaining(): number; didTimeout: boolean }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: (typeof idle)[number]) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const quiet = { timeRemaining: () => 50, didTimeout: false };
    const database = freshDb();
    const { initialCycle } = await createProgram(PROGRAM, database);
    await createApp({ name: 'Ledger' }, database);
    const plan = renderWith(database, <CycleAppsSummary cycle={initialCycle} />);
    await screen.findByTestId('cycle-range');
    const read = vi.spyOn(database.apps, 'toArray');
    // Once the page has been quiet for three idle periods in a row (ui/when-quiet.ts).
    for (let i = 0; i < 3; i++) {
      expect(read).not.toHaveBeenCalled();
      act(() => idle.shift()!(quiet));
    }
    await waitFor(() => expect(read).toHaveBeenCalled());
    plan.unmount();

    const firstRender: unknown[] = [];
    function Area() {
      const data = useAppsData();
      firstRender.push(data);
      return <p>{data ? data.apps.map((a) => a.name).join(', ') : 'loading'}</p>;
    }
    await waitFor(() => {
      firstRender.length = 0;
      const area = renderWith(database, <Area />);
      const drawn = firstRender[0];
      area.unmount();
      expect(drawn).toBeDefined();
    });
    renderWith(database, <Area />);
    expect(screen.getByText('Ledger')).toBeInTheDocument();
    // Read once, by the warming: the area read nothing again.
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('is read from the area’s first render, before React commits it', async () => {
    const database = freshDb();
    await createApp({ name: 'Ledger' }, database);
    const read = vi.spyOn(database.apps, 'toArray');
    function Area() {
      useAppsData();
      return <p>area</p>;
    }
    // A sibling still loading holds the commit back (as React holds back a screen whose code
    // has just arrived): the reads start all the same.
    const never = new Promise<never>(() => undefined);
    function Loading(): never {
      throw never;
    }
    renderWith(
      database,
      <Suspense fallback={<p>loading</p>}>
        <Area />
        <Loading />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    await waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('area')).not.toBeInTheDocument();
  });
});
