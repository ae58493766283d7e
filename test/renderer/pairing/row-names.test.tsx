// @vitest-environment jsdom
/**
 * The names of the rows in view (useRowNames): a name read once stands in while the rows' own read
 * is under way, so a row whose names are known draws with its data; the read's answer then wins,
 * a rename or a deletion included.
 */
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { useRowNames, type NamedIds } from '../../../renderer/features/pairing/data/queries';
import { deletePerson, savePerson } from '../../../renderer/features/people/data/people';
import { pairingDb } from './ui-helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the names of the rows in view', () => {
  it('shows a name read before while the new rows’ names are read, then what the read answers', async () => {
    const { database, w } = await pairingDb();
    // Nobody's partner: deleting her deletes her (a person with sessions is kept, marked as left).
    const eve = await savePerson({ input: { name: 'Eve Unpaired', teamId: null, roles: [] } }, database);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <DatabaseProvider database={database}>{children}</DatabaseProvider>
    );
    const { result, rerender } = renderHook((ids: NamedIds) => useRowNames(ids), {
      wrapper,
      initialProps: { people: [w.ana.id] },
    });
    await waitFor(() => expect(result.current.person(w.ana.id)).toBe(w.ana.name));
    rerender({ people: [w.bo.id] });
    await waitFor(() => expect(result.current.person(w.bo.id)).toBe(w.bo.name));

    // The next read of the people never answers: Ana's name must come from the first read.
    const bulkGet = vi
      .spyOn(database.people, 'bulkGet')
      .mockImplementation(() => new Dexie.Promise(() => {}));
    rerender({ people: [w.ana.id, w.dev.id] });
    expect(result.current.person(w.ana.id)).toBe(w.ana.name);
    // Never read: unknown until its read answers.
    expect(result.current.person(w.dev.id)).toBeUndefined();
    bulkGet.mockRestore();

    // A rename and a deletion: the read's answer wins over the name seen before.
    await savePerson({ id: w.ana.id, input: { name: 'Ana Lima-Souza' } }, database);
    rerender({ people: [w.ana.id, w.dev.id, eve.id] });
    await waitFor(() => expect(result.current.person(w.ana.id)).toBe('Ana Lima-Souza'));
    expect(result.current.person(w.dev.id)).toBe(w.dev.name);
    expect(result.current.person(eve.id)).toBe('Eve Unpaired');
    await deletePerson(eve.id, { records: 'ask', today: '2026-12-05' }, database);
    await waitFor(() => expect(result.current.person(eve.id)).toBeNull());
  });
});
