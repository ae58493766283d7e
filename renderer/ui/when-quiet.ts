/**
 * Runs work that can wait — loading the code of screens the user has not opened yet — once the
 * page has been quiet for a while: `quietFrames` idle periods in a row, each with at least
 * `minIdleMs` of its deadline left, and none within `restMs` of the user's last key, click or
 * wheel turn, so the work does not compete with drawing the first screen, nor land between the
 * inputs of someone sorting, typing or scrolling (an idle gap there is the next input's time).
 * Where the browser has no requestIdleCallback (Safari, jsdom) a timer stands in.
 */
export interface QuietOptions {
  /** Idle periods in a row that must each have this much time left (ms). */
  minIdleMs?: number;
  quietFrames?: number;
  /** Time since the user's last input before an idle period counts (ms). */
  restMs?: number;
}

/** When the user last pressed a key, clicked, touched or turned the wheel (performance.now()). */
let lastInput = -Infinity;
let listening = false;
function followInput(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const noted = () => {
    lastInput = performance.now();
  };
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const) {
    window.addEventListener(type, noted, { capture: true, passive: true });
  }
}

type IdleDeadlineLike = { timeRemaining(): number; didTimeout: boolean };

function requestIdle(run: (deadline: IdleDeadlineLike) => void): () => void {
  const g = globalThis as {
    requestIdleCallback?: (cb: (d: IdleDeadlineLike) => void) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (g.requestIdleCallback && g.cancelIdleCallback) {
    const id = g.requestIdleCallback(run);
    return () => g.cancelIdleCallback!(id);
  }
  const timer = setTimeout(() => run({ timeRemaining: () => 50, didTimeout: false }), 100);
  return () => clearTimeout(timer);
}

/** Calls `run` once the page is quiet; returns a cancel function. */
export function whenQuiet(
  run: () => void,
  { minIdleMs = 40, quietFrames = 3, restMs = 1000 }: QuietOptions = {},
): () => void {
  followInput();
  let quiet = 0;
  let cancel = () => {};
  const next = () => {
    cancel = requestIdle((deadline) => {
      const resting = performance.now() - lastInput >= restMs;
      quiet = resting && deadline.timeRemaining() >= minIdleMs ? quiet + 1 : 0;
      if (quiet >= quietFrames) run();
      else next();
    });
  };
  next();
  return () => cancel();
}

/**
 * Runs each task in turn, each once the page is quiet again after the one before has settled
 * (a task may return a promise). Returns a cancel function: tasks not yet started never start.
 */
export function inQuietTurns(tasks: readonly (() => unknown)[], options?: QuietOptions): () => void {
  let cancelled = false;
  let cancelWait = () => {};
  const runFrom = (i: number) => {
    if (cancelled || i >= tasks.length) return;
    cancelWait = whenQuiet(() => {
      if (cancelled) return;
      Promise.resolve()
        .then(tasks[i])
        .catch(() => undefined) // a failed load shows when that screen is drawn, not here
        .then(() => runFrom(i + 1));
    }, options);
  };
  runFrom(0);
  return () => {
    cancelled = true;
    cancelWait();
  };
}
