/**
 * The benchmark's script inside the page: injected before the app's own scripts on every
 * navigation (bench/browser/harness.ts), it measures what only the page can see — when a screen
 * is drawn, input to the frame after the result, long tasks — and holds the raw IndexedDB
 * baseline: the same records written and read with plain transactions, no library in between.
 *
 * It is compiled on the fly (TypeScript's transpileModule) and exposes `window.__bench`
 * (../page-api.ts). On /__bench__/raw-first-screen.html it also draws the first screen's data
 * straight from IndexedDB, the baseline for the app's start-up.
 */
import type {
  BenchPageApi,
  Check,
  FirstScreenTiming,
  InteractionTiming,
  LongTaskReport,
  RawResult,
  Ready,
} from '../page-api';

const APP_DB = 'platform-adoption-tracker';

function holds(check: Check): boolean {
  const elements = document.querySelectorAll(check.selector);
  let found = false;
  for (const el of elements) {
    const textOk = check.text === undefined || (el.textContent ?? '').trim().startsWith(check.text);
    const valueOk =
      check.value === undefined ||
      ((el as HTMLInputElement | HTMLSelectElement).value ?? null) === check.value;
    if (textOk && valueOk) {
      found = true;
      break;
    }
  }
  return check.absent ? !found : found;
}

const isReady = (ready: Ready) => ready.every(holds);

/**
 * Why a wait timed out, for its error: the checks that did not hold and what the page showed
 * instead (the tables' labels, open dialogs, the focused element), so a flaky figure says why.
 */
function describeMisses(screens: Record<string, Ready>): string {
  const misses = Object.values(screens)
    .flat()
    .filter((check) => !holds(check))
    .map((check) => `${check.absent ? 'present' : 'missing'}: ${check.selector}`);
  const labels = (selector: string) =>
    [...document.querySelectorAll(selector)].map(
      (el) => el.getAttribute('aria-label') ?? el.tagName.toLowerCase(),
    );
  const focused = document.activeElement;
  const focus = focused
    ? `${focused.tagName.toLowerCase()}${focused.getAttribute('aria-label') ? ` "${focused.getAttribute('aria-label')}"` : ''}${focused.id ? `#${focused.id}` : ''}`
    : 'none';
  return [
    `not holding: ${misses.join(' | ') || 'none'}`,
    `tables: ${JSON.stringify(labels('table[aria-label]'))}`,
    `dialogs: ${JSON.stringify(labels('[role="dialog"], dialog[open]'))}`,
    `alerts: ${JSON.stringify([...document.querySelectorAll('[role="alert"]')].map((el) => (el.textContent ?? '').trim().slice(0, 120)))}`,
    `focus: ${focus}`,
  ].join('; ');
}

/** Resolves after the next frame has been produced: the time a user sees what the DOM holds now. */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
  );
}

/** Resolves with the name of the first of `screens` that holds (checked on every DOM change and frame). */
function whenAnyReady(screens: Record<string, Ready>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (name: string | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      if (name !== null) resolve(name);
      else
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${JSON.stringify(screens)}; ${describeMisses(screens)}`,
          ),
        );
    };
    const check = () => {
      if (done) return;
      for (const [name, ready] of Object.entries(screens)) {
        if (isReady(ready)) return finish(name);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    const timer = setTimeout(() => finish(null), timeoutMs);
    const frame = () => {
      if (done) return;
      check();
      requestAnimationFrame(frame);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
    requestAnimationFrame(frame);
    check();
  });
}

function whenReady(ready: Ready, timeoutMs: number): Promise<void> {
  return whenAnyReady({ ready }, timeoutMs).then(() => undefined);
}

// --- Long tasks and frames -------------------------------------------------------------------

let longTaskObserver: PerformanceObserver | null = null;
let longTasks: number[] = [];
let frameGap = 0;
let frames = 0;
let observing = false;
let observeStart = 0;
let progressSeen: number[] = [];

function sampleProgress() {
  const bar = document.querySelector<HTMLElement>('[role="progressbar"], progress');
  if (!bar) return;
  const value =
    bar instanceof HTMLProgressElement ? bar.value : Number(bar.getAttribute('aria-valuenow') ?? Number.NaN);
  if (Number.isFinite(value) && progressSeen.at(-1) !== value) progressSeen.push(value);
}

/**
 * Starts counting long tasks and frames. `watchProgress` also records each value a progress bar
 * shows (the restore): it reads the page on every change, work that would otherwise be counted
 * in the long tasks of scrolling and typing it has nothing to do with.
 */
function longTasksStart(watchProgress = false) {
  longTasks = [];
  frameGap = 0;
  frames = 0;
  progressSeen = [];
  observing = true;
  observeStart = performance.now();
  longTaskObserver?.disconnect();
  longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  longTaskObserver.observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  const frame = (now: number) => {
    if (!observing) return;
    frameGap = Math.max(frameGap, now - last);
    frames += 1;
    last = now;
    if (watchProgress) sampleProgress();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  if (!watchProgress) return;
  const progressObserver = new MutationObserver(() => {
    if (!observing) progressObserver.disconnect();
    else sampleProgress();
  });
  progressObserver.observe(document, { childList: true, subtree: true, attributes: true });
}

function longTasksStop(): LongTaskReport {
  // Entries of the task that just ended may still be queued.
  for (const entry of longTaskObserver?.takeRecords() ?? []) longTasks.push(entry.duration);
  longTaskObserver?.disconnect();
  longTaskObserver = null;
  observing = false;
  return {
    longestMs: longTasks.length ? Math.max(...longTasks) : 0,
    count: longTasks.length,
    totalMs: longTasks.reduce((a, b) => a + b, 0),
    longestFrameGapMs: frameGap,
    frames,
    progress: progressSeen,
    durationMs: performance.now() - observeStart,
  };
}

// --- Interactions ----------------------------------------------------------------------------

const INPUT_EVENTS = ['pointerdown', 'mousedown', 'keydown', 'input', 'change', 'click', 'wheel'] as const;
let armed: Promise<InteractionTiming> | null = null;
let eventTimings: PerformanceEventTiming[] = [];

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) eventTimings.push(entry as PerformanceEventTiming);
}).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);

function armInteraction(ready: Ready, timeoutMs: number, fail?: Ready) {
  eventTimings = [];
  armed = new Promise<InteractionTiming>((resolve, reject) => {
    const onInput = (event: Event) => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, true);
      const start = event.timeStamp;
      // Looked for once this task is over, not now: an input's first event comes before the
      // events the app handles (a select's "input" before its "change"), so the page would still
      // show the state before it — a filter's old rows, not yet marked stale — and pass.
      new Promise((r) => setTimeout(r, 0))
        .then(() => whenAnyReady(fail ? { ready, fail } : { ready }, timeoutMs))
        .then((which) => {
          if (which === 'fail') {
            const shown = fail?.map((c) => document.querySelector(c.selector)?.textContent ?? '').join(' ');
            throw new Error(`The page shows a failure: ${shown}`);
          }
          return afterNextPaint();
        })
        .then(async (end) => {
          // Event Timing entries arrive after the frame they end in.
          await new Promise((r) => setTimeout(r, 0));
          const spans = eventTimings.filter((e) => e.startTime >= start - 1).map((e) => e.duration);
          resolve({
            ms: end - start,
            eventTimingMs: spans.length ? Math.max(...spans) : null,
            input: event.type,
          });
        })
        .catch(reject);
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
  });
  // The harness awaits it later; keep an early rejection from being reported as unhandled.
  armed.catch(() => {});
}

function interactionDone(): Promise<InteractionTiming> {
  if (!armed) return Promise.reject(new Error('No interaction was armed'));
  const pending = armed;
  armed = null;
  return pending;
}

/** A bare button outside the app: click → text changes → the frame after. */
function armBareControl() {
  let button = document.getElementById('bench-bare-control');
  if (!button) {
    button = document.createElement('button');
    button.id = 'bench-bare-control';
    button.textContent = '0';
    button.style.cssText = 'position:fixed;right:0;bottom:0;z-index:99999;width:40px;height:24px';
    button.addEventListener('click', () => {
      button!.textContent = String(Number(button!.textContent) + 1);
    });
    document.body.append(button);
  }
  const next = String(Number(button.textContent) + 1);
  armInteraction([{ selector: '#bench-bare-control', text: next }], 10_000);
}

// --- First screen ----------------------------------------------------------------------------

/** The screens the harness waits for (injected with this script), watched from navigation start. */
const config = (
  window as unknown as { __benchConfig?: { screens: Record<string, Ready>; timeoutMs: number } }
).__benchConfig;
const firstScreenTiming: Promise<FirstScreenTiming> | null = config
  ? whenAnyReady(config.screens, config.timeoutMs).then(async (screen) => ({
      ms: await afterNextPaint(),
      screen,
    }))
  : null;
firstScreenTiming?.catch(() => {});

function firstScreen(): Promise<FirstScreenTiming> {
  return firstScreenTiming ?? Promise.reject(new Error('No first screens were configured'));
}

// --- Raw IndexedDB ---------------------------------------------------------------------------

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

/** Opens an existing database; null when there is none (without creating one). */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    let missing = false;
    req.onupgradeneeded = () => {
      missing = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => (missing ? resolve(null) : reject(req.error));
  });
}

/** A Dexie index spec ("id, name, *roles, &key, [a+b]") as IndexedDB stores and indexes. */
function parseSpec(spec: string) {
  const parts = spec.split(',').map((p) => p.trim());
  const keyPathOf = (p: string) => {
    const bare = p.replace(/^[&*]/, '');
    return bare.startsWith('[') ? bare.slice(1, -1).split('+') : bare;
  };
  return {
    keyPath: keyPathOf(parts[0] as string),
    indexes: parts.slice(1).map((p) => ({
      name: p.replace(/^[&*]/, ''),
      keyPath: keyPathOf(p),
      unique: p.startsWith('&'),
      multiEntry: p.startsWith('*'),
    })),
  };
}

async function deleteDatabase(name: string) {
  await request(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
}

async function rawWrite(
  url: string,
  dbName: string,
  indexes: Record<string, string>,
  batch: number,
): Promise<RawResult> {
  const backup = (await (await fetch(url)).json()) as { tables: Record<string, unknown[]> };
  await deleteDatabase(dbName);
  const open = indexedDB.open(dbName, 1);
  open.onupgradeneeded = () => {
    for (const [name, spec] of Object.entries(indexes)) {
      const { keyPath, indexes: list } = parseSpec(spec);
      const store = open.result.createObjectStore(name, { keyPath });
      for (const index of list) {
        store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
    }
  };
  const db = await request(open);
  let records = 0;
  longTasksStart();
  const started = performance.now();
  for (const [name, rows] of Object.entries(backup.tables)) {
    if (!(name in indexes)) continue;
    for (let i = 0; i < rows.length; i += batch) {
      const tx = db.transaction(name, 'readwrite');
      const store = tx.objectStore(name);
      const end = Math.min(rows.length, i + batch);
      for (let r = i; r < end; r++) store.add(rows[r]);
      await done(tx);
      records += end - i;
    }
  }
  const ms = performance.now() - started;
  const longTasks = longTasksStop();
  db.close();
  return { records, ms, perSecond: (records / ms) * 1000, longTasks };
}

async function rawRead(dbName: string, tables: readonly string[]): Promise<RawResult> {
  const started = performance.now();
  const db = await openExisting(dbName);
  let records = 0;
  if (db) {
    const tx = db.transaction([...tables], 'readonly');
    const counts = await Promise.all(tables.map((t) => request(tx.objectStore(t).getAll())));
    records = counts.reduce((sum, rows) => sum + rows.length, 0);
    db.close();
  }
  const ms = performance.now() - started;
  return { records, ms, perSecond: ms > 0 ? (records / ms) * 1000 : 0 };
}

/** The Plan screen's data (program, cycles, the current cycle's apps) read and drawn with no framework. */
async function rawFirstScreen() {
  const db = await openExisting(APP_DB);
  const out = document.createElement('main');
  if (!db) {
    out.innerHTML = '<h1>No data yet</h1>';
  } else {
    const tx = db.transaction(['program', 'cycles', 'apps'], 'readonly');
    const [programs, cycles] = await Promise.all([
      request(tx.objectStore('program').getAll()),
      request(tx.objectStore('cycles').index('index').getAll()),
    ]);
    const current =
      (cycles as { id: string; status: string }[]).find((c) => c.status === 'active') ?? cycles.at(-1);
    const apps = current
      ? await request(
          tx
            .objectStore('apps')
            .index('cycleId')
            .getAll((current as { id: string }).id),
        )
      : [];
    const program = programs[0] as { name?: string } | undefined;
    out.innerHTML = `<h1>${program?.name ?? 'No program'}</h1>`;
    const list = document.createElement('ol');
    for (const c of cycles as { index: number; startDate: string }[]) {
      const li = document.createElement('li');
      li.textContent = `Cycle ${c.index} from ${c.startDate}`;
      list.append(li);
    }
    const summary = document.createElement('p');
    summary.textContent = `${apps.length} apps in the current cycle`;
    out.append(list, summary);
    db.close();
  }
  out.id = 'raw-ready';
  document.body.append(out);
}

const api: BenchPageApi = {
  firstScreen,
  armInteraction,
  interactionDone,
  waitFor: whenReady,
  longTasksStart,
  longTasksStop,
  armBareControl,
  rawRead,
  rawWrite,
  deleteDatabase,
};
(window as unknown as Record<string, unknown>).__bench = api;

if (location.pathname.endsWith('/__bench__/raw-first-screen.html')) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => void rawFirstScreen());
  } else void rawFirstScreen();
}
