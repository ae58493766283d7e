/**
 * Runs work that can wait — loading the code of screens the user has not opened yet — once the
 * page has been quiet for a while: `quietFrames` idle periods in a row, each with at least
 * `minIdleMs` of its deadline left, so the work does not compete with drawing the first screen or
 * with an input. Where the browser has no requestIdleCallback (Safari, jsdom) a timer stands in.
 */
export interface QuietOptions {
  /** Idle periods in a row that must each have this much time left (ms). */
  minIdleMs?: number;
  quietFrames?: number;
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
  { minIdleMs = 40, quietFrames = 3 }: QuietOptions = {},
): () => void {
  let quiet = 0;
  let cancel = () => {};
  const next = () => {
    cancel = requestIdle((deadline) => {
      quiet = deadline.timeRemaining() >= minIdleMs ? quiet + 1 : 0;
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
