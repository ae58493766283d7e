// @vitest-environment jsdom
/**
 * A preloadable component: drawn after its code was preloaded, it draws at once (no Suspense
 * fallback, which React would hold for up to 300 ms); drawn before, it shows the fallback until
 * the code arrives and keeps its state when it does; a failed preload is asked again when drawn;
 * preloaded with a context, a module's `warm` starts its reads.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense, useState, type ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preload, preloadable } from '../../../renderer/ui/preloadable';

function Counter({ label }: { label: string }) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((c) => c + 1)}>
      {label} {count}
    </button>
  );
}

/** A module whose loading the test resolves or fails by hand. */
function deferredModule() {
  const loads: { resolve(): void; reject(error: Error): void }[] = [];
  const load = vi.fn(
    () =>
      new Promise<{ default: typeof Counter }>((resolve, reject) => {
        loads.push({ resolve: () => resolve({ default: Counter }), reject });
      }),
  );
  return { load, loads };
}

const inSuspense = (Component: ComponentType<{ label: string }>) => (
  <Suspense fallback={<p role="status">Loading…</p>}>
    <Component label="Clicks" />
  </Suspense>
);

afterEach(cleanup);

describe('preloadable', () => {
  it('draws at once, without the fallback, when its code was preloaded', async () => {
    const { load, loads } = deferredModule();
    const Component = preloadable(load);
    preload(Component);
    await act(async () => loads[0]!.resolve());

    render(inSuspense(Component));
    // In the first commit, not after a suspension.
    expect(screen.getByRole('button', { name: 'Clicks 0' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows the fallback until its code arrives, loading it once, and keeps its state after', async () => {
    const { load, loads } = deferredModule();
    const Component = preloadable(load);
    const { rerender } = render(inSuspense(Component));
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    preload(Component); // asked again while loading: the same load
    expect(load).toHaveBeenCalledTimes(1);

    await act(async () => loads[0]!.resolve());
    const button = await screen.findByRole('button', { name: 'Clicks 0' });
    await act(async () => button.click());
    expect(button).toHaveTextContent('Clicks 1');
    // Drawn again now that its code is loaded: the same mount, its state kept.
    rerender(inSuspense(Component));
    expect(screen.getByRole('button', { name: 'Clicks 1' })).toBe(button);
  });

  it('asks for its code again when drawn after a failed preload', async () => {
    const { load, loads } = deferredModule();
    const Component = preloadable(load);
    preload(Component);
    await act(async () => loads[0]!.reject(new Error('offline')));

    render(inSuspense(Component));
    expect(load).toHaveBeenCalledTimes(2);
    await act(async () => loads[1]!.resolve());
    expect(await screen.findByRole('button', { name: 'Clicks 0' })).toBeInTheDocument();
  });

  it("starts its module's reads (warm) with the context it is given, once the code is in", async () => {
    const warm = vi.fn();
    const context = { name: 'database' };
    const Component = preloadable(async () => ({ default: Counter, warm }));
    const Plain = preloadable(async () => ({ default: Counter }));
    preload(Component, context);
    preload(Plain, context); // a module without warm: nothing to start, nothing thrown
    await act(async () => undefined);
    expect(warm).toHaveBeenCalledTimes(1);
    expect(warm).toHaveBeenCalledWith(context);

    const Unwarmed = preloadable(async () => ({ default: Counter, warm }));
    preload(Unwarmed); // without a context, the code only
    await act(async () => undefined);
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('leaves anything else alone', () => {
    expect(() => preload(Counter)).not.toThrow();
    expect(() => preload(null)).not.toThrow();
  });
});
