// @vitest-environment jsdom
/** The Apps area's data: its reads start in the area's first render, not when React commits it. */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heldBack } from '../held-back';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { useAppsData } from '../../../renderer/features/apps/data/queries';
import { freshDb, renderWith, resetAll } from './helpers';

afterEach(async () => {
  vi.unstubAllGlobals();
  await resetAll();
});

describe('the Apps area’s data', () => {
  it('is read from the area’s first render, before React commits it', async () => {
    const database = freshDb();
    await createApp({ name: 'Ledger' }, database);
    const read = vi.spyOn(database.apps, 'toArray');
    function Area() {
      useAppsData();
      return <p>area</p>;
    }
    renderWith(database, heldBack(<Area />));
    expect(screen.getByText('loading')).toBeInTheDocument();
    await waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('area')).not.toBeInTheDocument();
  });
});
