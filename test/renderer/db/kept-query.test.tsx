// @vitest-environment jsdom
/** Kept queries and memoizeLast: results that outlive the screens reading them, never stale. */
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { keptQuery } from '../../../renderer/db/kept-query';
import { memoizeLast } from '../../../renderer/ui/memoize-last';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { appRecord, freshDatabases } from './db-helpers';

const freshDb = freshDatabases('kept-query');

describe('keptQuery', () => {
  it('reads once for screens that come and go, and follows every write', async () => {
    const database = freshDb();
    await database.apps.bulkAdd([appRecord({ name: 'Ledger' })]);
    const reads = vi.fn();
    const useNames = keptQuery(async (db: AdoptionDatabase) => {
      reads();
      return (await db.apps.orderBy('name').toArray()).map((a) => a.name);
    });
    const seen: (string[] | undefined)[] = [];
    function Names() {
      const names = useNames(database);
      seen.push(names);
      return <p>{names ? names.join(', ') : 'loading'}</p>;
    }

    const first = render(<Names />);
    expect(await screen.findByText('Ledger')).toBeTruthy();
    const result = seen.at(-1);
    first.unmount();

    // A screen mounting again draws the kept result at once, the same object, without reading.
    const callsBefore = reads.mock.calls.length;
    seen.length = 0;
    const second = render(<Names />);
    expect(seen[0]).toBe(result);
    expect(screen.getByText('Ledger')).toBeTruthy();
    expect(reads.mock.calls.length).toBe(callsBefore);

    // A write, even while nobody else reads, refreshes it.
    await act(async () => {
      await database.apps.add(appRecord({ name: 'Payments' }));
    });
    await waitFor(() => expect(screen.getByText('Ledger, Payments')).toBeTruthy());
    second.unmount();
  });

  it('keeps one result per database', async () => {
    const a = freshDb();
    const b = freshDb();
    await a.apps.add(appRecord({ name: 'In A' }));
    await b.apps.add(appRecord({ name: 'In B' }));
    const useCount = keptQuery((db: AdoptionDatabase) => db.apps.toArray());
    function First({ db }: { db: AdoptionDatabase }) {
      const apps = useCount(db);
      return <p>{apps?.[0]?.name ?? 'loading'}</p>;
    }
    render(
      <>
        <First db={a} />
        <First db={b} />
      </>,
    );
    expect(await screen.findByText('In A')).toBeTruthy();
    expect(await screen.findByText('In B')).toBeTruthy();
  });

  it('throws a failed query to the screen, as useLiveQuery does', async () => {
    const database = freshDb();
    const useBroken = keptQuery(async (): Promise<number> => {
      throw new Error('The read failed');
    });
    const errors: unknown[] = [];
    function Broken() {
      try {
        return <p>{useBroken(database) ?? 'loading'}</p>;
      } catch (error) {
        errors.push(error);
        return <p>failed</p>;
      }
    }
    render(<Broken />);
    expect(await screen.findByText('failed')).toBeTruthy();
    expect(String(errors[0])).toContain('The read failed');
  });
});

describe('memoizeLast', () => {
  it('returns the last result for the same arguments and works again for any other', () => {
    const fn = vi.fn((xs: number[], k: number) => xs.map((x) => x * k));
    const memo = memoizeLast(fn);
    const xs = [1, 2];
    const r1 = memo(xs, 2);
    expect(memo(xs, 2)).toBe(r1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(memo([1, 2], 2)).not.toBe(r1); // equal but not the same array: worked out again
    expect(memo(xs, 3)).toEqual([3, 6]);
    expect(fn).toHaveBeenCalledTimes(3);
  });
});
