// @vitest-environment jsdom
/** Work that can wait runs once the page is quiet, one task at a time, and never after it is cancelled. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inQuietTurns, whenQuiet } from '../../../renderer/ui/when-quiet';
import { AREAS, CONTRIBUTIONS, preloadAreasWhenQuiet } from '../../../renderer/areas';

/** A hand-driven requestIdleCallback: `idle(ms)` runs the waiting callbacks with that much time left. */
function fakeIdle() {
  let waiting: ((d: { timeRemaining(): number; didTimeout: boolean }) => void)[] = [];
  const g = globalThis as Record<string, unknown>;
  g.requestIdleCallback = (cb: (typeof waiting)[number]) => waiting.push(cb);
  g.cancelIdleCallback = (id: number) => {
    waiting[id - 1] = () => {};
  };
  return {
    idle(ms: number) {
      const now = waiting;
      waiting = [];
      // ids are positions in the list they were pushed to; cancelling blanks them there
      for (const cb of now) cb({ timeRemaining: () => ms, didTimeout: false });
    },
    get pending() {
      return waiting.length;
    },
  };
}

let idle: ReturnType<typeof fakeIdle>;
beforeEach(() => {
  idle = fakeIdle();
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).requestIdleCallback;
  delete (globalThis as Record<string, unknown>).cancelIdleCallback;
  vi.restoreAllMocks();
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('whenQuiet', () => {
  it('waits for idle periods in a row with time to spare; a busy one starts the count again', () => {
    const run = vi.fn();
    whenQuiet(run, { minIdleMs: 40, quietFrames: 3 });
    idle.idle(49);
    idle.idle(49);
    idle.idle(5); // busy: the count starts again
    idle.idle(49);
    idle.idle(49);
    expect(run).not.toHaveBeenCalled();
    idle.idle(49);
    expect(run).toHaveBeenCalledTimes(1);
    expect(idle.pending).toBe(0);
  });

  it('counts no idle period until the user has rested from their last input', () => {
    // Times well before the real clock's, so the inputs noted here are long past for the other tests.
    const now = vi.spyOn(performance, 'now').mockReturnValue(-100_000);
    const run = vi.fn();
    whenQuiet(run, { quietFrames: 2, restMs: 1000 });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    now.mockReturnValue(-99_100); // typing: idle gaps between keys are not quiet
    idle.idle(50);
    idle.idle(50);
    idle.idle(50);
    expect(run).not.toHaveBeenCalled();
    now.mockReturnValue(-99_000);
    idle.idle(50);
    window.dispatchEvent(new WheelEvent('wheel')); // a wheel turn starts the count again
    idle.idle(50);
    expect(run).not.toHaveBeenCalled();
    now.mockReturnValue(-98_000);
    idle.idle(50);
    idle.idle(50);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled', () => {
    const run = vi.fn();
    const cancel = whenQuiet(run, { quietFrames: 2 });
    idle.idle(50);
    cancel();
    idle.idle(50);
    idle.idle(50);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('inQuietTurns', () => {
  it('starts each task once the one before has settled and the page is quiet again, past a failure', async () => {
    const order: string[] = [];
    let finishFirst!: () => void;
    inQuietTurns(
      [
        () => new Promise<void>((r) => ((finishFirst = r), order.push('a'))),
        () => {
          order.push('b');
          throw new Error('failed to load');
        },
        () => order.push('c'),
      ],
      { quietFrames: 1 },
    );
    idle.idle(50);
    await settle();
    expect(order).toEqual(['a']);
    idle.idle(50); // the first is still loading: nothing else starts
    expect(order).toEqual(['a']);
    finishFirst();
    await settle();
    idle.idle(50);
    await settle();
    idle.idle(50);
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('starts nothing more once cancelled', async () => {
    const task = vi.fn();
    const cancel = inQuietTurns([task, task], { quietFrames: 1 });
    idle.idle(50);
    await settle();
    cancel();
    idle.idle(50);
    await settle();
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('preloadAreasWhenQuiet', () => {
  it('asks for every area’s screen in navigation order, then every lazily loaded contribution, one at a time', async () => {
    const asked: unknown[] = [];
    const components = [...AREAS.map((a) => a.screen), ...Object.values(CONTRIBUTIONS).flat()].filter(
      (c) => 'preload' in (c as object),
    );
    for (const c of components) {
      vi.spyOn(c as unknown as { preload(): Promise<unknown> }, 'preload').mockImplementation(() => {
        asked.push(c);
        return Promise.resolve({});
      });
    }
    const cancel = preloadAreasWhenQuiet();
    for (let i = 0; i < 3; i++) idle.idle(50);
    await settle();
    expect(asked).toEqual([AREAS[0]!.screen]);
    for (let i = 0; i < components.length * 4; i++) {
      await settle();
      idle.idle(50);
    }
    cancel();
    expect(asked.slice(0, AREAS.length)).toEqual(AREAS.map((a) => a.screen));
    expect(new Set(asked)).toEqual(new Set(components));
  });
});
