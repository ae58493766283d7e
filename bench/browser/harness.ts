/**
 * The in-browser benchmark: the production build in headless Chromium (playwright-core, the
 * end-to-end tests' Chromium and flags), driven through its UI as a user drives it, with every
 * machine-dependent figure measured beside a baseline in the same page and the same run:
 *
 * - restore of the enterprise workspace through the Data screen's file picker, against the same
 *   records written with plain IndexedDB transactions (records/s), with the longest task from
 *   choosing the file to restored and the progress the page showed;
 * - start to the first screen drawn, with the workspace and empty, against a bare page that
 *   reads and draws the same data straight from IndexedDB;
 * - input to the frame after the result for switching areas, sorting and filtering the apps
 *   table and opening an app (each run's p95, then the median over runs), against a bare button
 *   on the same page, with the main thread's CPU time over the same interactions (what an idle
 *   machine would show when a busy one stretches the clock);
 * - input to the frame after the result for opening the Blockers register, board and trends
 *   (after each one's first load) and filtering the register, with the main thread's CPU time;
 * - the longest task while scrolling the apps table and typing in its filter, and the frames a
 *   second while scrolling, against the page sitting idle for as long;
 * - the JS heap on each screen after a collection (the busiest one is the figure);
 * - opening and filtering the people list, opening the knowledge map and its what-if (./people.ts);
 * - opening the metrics readings grid, choosing the overview chart's metric, changing the
 *   overview's granularity and time range (./metrics.ts).
 * - opening and filtering the session log, hours per person and per cycle, and quick entry until
 *   the session is counted in the log (./pairing.ts).
 *
 * Each browser profile is a fresh directory on disk (a persistent context), so IndexedDB is
 * stored as a user's is, not in memory as in an incognito context.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import ts from 'typescript';
import { build } from 'vite';
import { DATA_TABLE_NAMES, TABLE_INDEXES } from '../../shared/schema/tables';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../../test/e2e/browser';
import { developmentChunks, gzipSize, initialChunks } from '../build-size';
import { figure, median, percentile, round, type Figure } from '../figures';
import { workspaceFile, type WorkspaceFile } from '../workspace/write';
import type {
  BenchPageApi,
  BenchPageConfig,
  FirstScreenTiming,
  InteractionTiming,
  LongTaskReport,
  RawResult,
  Ready,
} from './page-api';
import {
  KNOWLEDGE_READY,
  measurePeople,
  PEOPLE_FIGURE_IDS,
  PEOPLE_READY,
  peopleInteractions,
  type PeopleSamples,
} from './people';
import { measureMetrics, METRICS_FIGURE_IDS, metricsInteractions, type MetricsSamples } from './metrics';
import {
  measurePairing,
  PAIRING_FIGURE_IDS,
  pairingInteractions,
  SESSION_LOG_READY,
  type PairingSamples,
} from './pairing';
import { DIST, ROOT, startServer, type BenchServer } from './server';
import { measureToil, TOIL_FIGURE_IDS, toilInteractions, type ToilSamples } from './toil';

export interface BrowserBenchOptions {
  scale: number;
  /** Runs per figure (restore: at most 3). Default 5. */
  runs?: number;
  /** Build dist/renderer first (vite build). Default true. */
  build?: boolean;
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
  /**
   * Only these areas' figures (BENCH_ONLY=pairing,people): the restore (it makes the workspace,
   * with its raw baseline; once) and the bare-button floor always run; the other sections are skipped
   * and their figures left out. Default: everything.
   */
  only?: readonly BenchArea[];
}

/** The sections `only` can choose. */
export const BENCH_AREAS = [
  'first-screen',
  'apps',
  'blockers',
  'people',
  'metrics',
  'pairing',
  'toil',
  'heap',
] as const;
export type BenchArea = (typeof BENCH_AREAS)[number];

/** BENCH_ONLY's areas ("pairing,people"); undefined when unset or empty. */
export function parseOnly(value: string | undefined): BenchArea[] | undefined {
  const areas = (value ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of areas) {
    if (!(BENCH_AREAS as readonly string[]).includes(a)) {
      throw new Error(`BENCH_ONLY: unknown area "${a}" (one of ${BENCH_AREAS.join(', ')})`);
    }
  }
  return areas.length ? (areas as BenchArea[]) : undefined;
}

/** The figure ids of each area `only` can choose (the restore's are always kept). */
const AREA_FIGURES: Record<BenchArea, readonly string[]> = {
  'first-screen': [
    'first-screen-workspace',
    'first-screen-overview',
    'first-screen-empty',
    'js-before-first-screen',
  ],
  apps: [
    'switch-areas-p95',
    'sort-apps-p95',
    'filter-apps-p95',
    'open-app-p95',
    'longest-task-scroll',
    'longest-task-typing',
    'scroll-frame-rate',
  ],
  blockers: ['blockers-register-p95', 'blockers-board-p95', 'blockers-trends-p95', 'filter-blockers-p95'],
  people: PEOPLE_FIGURE_IDS,
  metrics: METRICS_FIGURE_IDS,
  pairing: PAIRING_FIGURE_IDS,
  toil: TOIL_FIGURE_IDS,
  heap: ['heap-busiest-screen'],
};

/** Every figure the browser benchmark produces, by id. */
export const BROWSER_FIGURE_IDS = [
  'restore-rate',
  'restore-longest-task',
  'restore-progress',
  'restore-check',
  'first-screen-workspace',
  'first-screen-overview',
  'first-screen-empty',
  'switch-areas-p95',
  'sort-apps-p95',
  'filter-apps-p95',
  'open-app-p95',
  'blockers-register-p95',
  'blockers-board-p95',
  'blockers-trends-p95',
  'filter-blockers-p95',
  ...PEOPLE_FIGURE_IDS,
  ...METRICS_FIGURE_IDS,
  ...PAIRING_FIGURE_IDS,
  ...TOIL_FIGURE_IDS,
  'longest-task-scroll',
  'longest-task-typing',
  'scroll-frame-rate',
  'heap-busiest-screen',
  'js-before-first-screen',
] as const;

/** Records per plain IndexedDB transaction in the raw baseline. */
const RAW_BATCH = 2_000;
const RAW_DB = 'bench-raw-baseline';
const VIEWPORT = { width: 1360, height: 860 };

export const SCREENS = {
  welcome: [{ selector: 'h1', text: 'Plan and track your platform adoption' }],
  plan: [
    { selector: 'main h1', text: 'Plan' },
    { selector: '.plan .timeline-card' },
    { selector: '[data-testid="cycle-range"]' },
  ],
  /** The overview drawn with its data: the adoption chart (drawn only once its apps are read). */
  overview: [{ selector: 'main h1' }, { selector: '.adoption-card .recharts-surface' }],
  raw: [{ selector: '#raw-ready' }],
} satisfies Record<string, Ready>;

export const AREA_READY: Record<string, Ready> = {
  Plan: SCREENS.plan,
  Apps: [
    { selector: 'main h1', text: 'Apps' },
    { selector: 'tr.app-row' },
    { selector: '.apps-table-scroll.is-stale', absent: true },
  ],
  Data: [{ selector: 'main h1', text: 'Data' }, { selector: 'dl[aria-label="Records per area"]' }],
};
/** The Blockers views, in the order the benchmark opens them. */
const BLOCKER_VIEWS = ['Board', 'Trends', 'Register'] as const;
const blockersTab = (view: string) => ({ selector: '.blockers-tabs a[aria-current="page"]', text: view });
/** Each Blockers view drawn with its data (its tab current, so nothing of the previous view counts). */
const BLOCKERS_READY: Record<(typeof BLOCKER_VIEWS)[number], Ready> = {
  Register: [
    blockersTab('Register'),
    { selector: 'tr.register-row' },
    { selector: '.register-scroll.is-stale', absent: true },
  ],
  Board: [blockersTab('Board'), { selector: '.blocker-board li.blocker-card' }],
  Trends: [
    blockersTab('Trends'),
    { selector: '.heat-map .heat-cell' },
    { selector: '.trend-card .line-chart-svg path' },
    { selector: '.resolve-card .bar-chart-svg .bar-chart-bar' },
    { selector: '.ageing-card .bar-chart-svg .bar-chart-bar' },
  ],
};
const TABLE_SETTLED: Ready = [
  { selector: 'tr.app-row' },
  { selector: '.apps-table-scroll.is-stale', absent: true },
];

/** Heap is measured on each of these (route, what must be drawn). */
const HEAP_SCREENS: [string, string, Ready][] = [
  ['Plan', '#/plan', SCREENS.plan],
  ['Apps table', '#/apps', AREA_READY.Apps as Ready],
  [
    'Apps pipeline',
    '#/apps/board',
    [{ selector: 'main h1', text: 'Apps' }, { selector: '.board .board-count' }],
  ],
  [
    'Apps feasibility',
    '#/apps/matrix',
    [{ selector: 'main h1', text: 'Apps' }, { selector: '.feasibility .recharts-surface' }],
  ],
  ['Blockers trends', '#/blockers/trends', BLOCKERS_READY.Trends],
  ['Data', '#/data', AREA_READY.Data as Ready],
  ['People', '#/people', PEOPLE_READY],
  ['Knowledge map', '#/people/knowledge', KNOWLEDGE_READY],
  ['Session log', '#/pairing', SESSION_LOG_READY],
];

export function compilePageScript(config: BenchPageConfig): string {
  const source = readFileSync(resolve(import.meta.dirname, 'page/bench-page.ts'), 'utf8');
  const js = ts
    .transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    })
    .outputText.replace(/^export \{\};?$/m, '');
  return `(() => {\nwindow.__benchConfig = ${JSON.stringify(config)};\n${js}\n})();`;
}

/** Calls the page script: `call(page, 'rawRead', 'db', ['apps'])`. */
export function call<K extends keyof BenchPageApi>(
  page: Page,
  name: K,
  ...args: Parameters<BenchPageApi[K]>
): Promise<Awaited<ReturnType<BenchPageApi[K]>>> {
  return page.evaluate(
    ([n, a]) => {
      const api = (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)
        .__bench;
      if (!api) throw new Error('The benchmark page script is not on this page');
      return api[n as string]!(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchPageApi[K]>>>;
}

/** What any page of the run asked for beyond the app's origin (checked when the run ends). */
const outsideRequests: string[] = [];

export class Session {
  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly dir: string,
    readonly keepDir: boolean,
  ) {}

  static async open(
    chromiumPath: string,
    server: BenchServer,
    script: string,
    dir?: string,
  ): Promise<Session> {
    const profile = dir ?? mkdtempSync(join(tmpdir(), 'adoption-bench-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      // Offline-first: no host name resolves, so nothing beyond the app's own origin (a loopback
      // address) loads. Not context.route(): it sends every request through this process and turns
      // the browser's cache off, so each of the app's chunks would cost what no user's start pays.
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
      headless: true,
      viewport: VIEWPORT,
      colorScheme: 'light',
    });
    // ... and the run fails if the page ever asks for anything else.
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.baseURL) && !/^(data|blob):/.test(url)) outsideRequests.push(url);
    });
    await context.addInitScript({ content: script });
    const page = context.pages()[0] ?? (await context.newPage());
    return new Session(context, page, profile, dir !== undefined);
  }

  async close(removeProfile = !this.keepDir) {
    await this.context.close();
    if (removeProfile) rmSync(this.dir, { recursive: true, force: true });
  }

  private metrics: CDPSession | null = null;

  /**
   * CPU time the page's main thread has used so far, in ms (Chrome's ThreadTime metric). Unlike
   * the time on the clock it hardly grows when other processes keep the machine busy, so the
   * difference over an interaction reads its cost as an idle machine would see it.
   */
  async mainThreadCpuMs(): Promise<number> {
    if (!this.metrics) {
      this.metrics = await this.context.newCDPSession(this.page);
      await this.metrics.send('Performance.enable');
    }
    const { metrics } = await this.metrics.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  }

  /** {@link timed}, with the main thread's CPU time from arming to the result drawn. */
  async timed(ready: Ready, act: () => Promise<unknown>, timeoutMs?: number, fail?: Ready): Promise<Timed> {
    const before = await this.mainThreadCpuMs();
    const timing = await timed(this.page, ready, act, timeoutMs, fail);
    return { ...timing, cpuMs: (await this.mainThreadCpuMs()) - before };
  }

  async heapMb(): Promise<number> {
    const cdp = await this.context.newCDPSession(this.page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize / (1024 * 1024);
  }
}

/**
 * An input-to-paint figure: id, name, its samples (null when they could not be taken), more
 * detail, and the target in ms (100 unless said).
 */
export type Interaction = [string, string, Runs | null, Record<string, unknown>, number?];

/** An interaction's timing with the main thread's CPU time over it (Session.timed). */
export type Timed = InteractionTiming & { cpuMs: number };

/**
 * Interaction samples, grouped by run: a figure takes each run's p95, then the median of those,
 * so one slow moment on a busy machine does not make the figure.
 */
export class Runs {
  readonly runs: { label: string; ms: number; cpuMs: number }[][] = [];

  /** Starts the next run; samples added after it belong to it. */
  next(): this {
    this.runs.push([]);
    return this;
  }

  add(label: string, t: Timed) {
    if (this.runs.length === 0) this.next();
    this.runs.at(-1)!.push({ label, ms: round(t.ms), cpuMs: round(t.cpuMs) });
  }

  /** The median over runs of each run's p95 of `what` (ms or cpuMs); null without samples. */
  p95(what: 'ms' | 'cpuMs' = 'ms'): number | null {
    const perRun = this.runs
      .filter((r) => r.length > 0)
      .map((r) =>
        percentile(
          r.map((x) => x[what]),
          95,
        ),
      );
    return perRun.length > 0 ? round(median(perRun), 0) : null;
  }

  detail() {
    const all = this.runs.flat();
    return {
      statistic: 'median over runs of each run’s p95',
      pooledP95Ms: all.length
        ? round(
            percentile(
              all.map((x) => x.ms),
              95,
            ),
            0,
          )
        : null,
      p95PerRun: this.runs.map((r) =>
        round(
          percentile(
            r.map((x) => x.ms),
            95,
          ),
          0,
        ),
      ),
      runs: this.runs,
    };
  }
}

/** Runs `act` (an input) and returns the time from that input to the frame after `ready` held. */
export async function timed(
  page: Page,
  ready: Ready,
  act: () => Promise<unknown>,
  timeoutMs = 60_000,
  fail?: Ready,
) {
  await call(page, 'armInteraction', ready, timeoutMs, fail);
  await act();
  return call(page, 'interactionDone') as Promise<InteractionTiming>;
}

/**
 * Types `typed` into the focused filter one key at a time, then erases it with Backspace: each
 * key a sample, until the control holds the text so far and `settled` says the list shows it.
 */
export async function typeThenErase(
  session: Session,
  samples: Runs,
  control: string,
  typed: string,
  settled: (control: string, value: string) => Ready,
) {
  const press = async (key: string, label: string, value: string) =>
    samples.add(label, await session.timed(settled(control, value), () => session.page.keyboard.press(key)));
  for (let i = 0; i < typed.length; i++) {
    const char = typed[i] as string;
    await press(char === ' ' ? 'Space' : char, `type "${char}"`, typed.slice(0, i + 1));
  }
  for (let i = typed.length - 1; i >= 0; i--) await press('Backspace', 'Backspace', typed.slice(0, i));
}

/** Loads `url` as a new document (never a same-document hash change) and times its first screen. */
export async function goto(page: Page, url: string): Promise<FirstScreenTiming> {
  const documentOf = (u: string) => u.split('#')[0];
  if (documentOf(page.url()) === documentOf(url)) await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  return call(page, 'firstScreen');
}

async function createProgram(page: Page) {
  await page.getByRole('button', { name: 'Create a program' }).click();
  const form = page.getByRole('form', { name: 'Program' });
  await form.getByLabel('Program name').fill('Scratch program');
  await form.getByLabel('Platform name').fill('Scratch platform');
  await form.getByLabel('Start date').fill('2025-01-06');
  await form.getByLabel('Target apps').fill('10');
  await form.getByLabel('Eligible app population').fill('100');
  await form.getByRole('button', { name: 'Create program' }).click();
  await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
}

interface RestoreRun {
  appMs: number;
  appPerSecond: number;
  checkMs: number;
  checkLongTasks: LongTaskReport;
  restoreLongTasks: LongTaskReport;
  raw: RawResult;
  rawRead: RawResult;
  order: 'app first' | 'raw first';
}

async function restoreRun(
  session: Session,
  server: BenchServer,
  workspace: WorkspaceFile,
  rawFirst: boolean,
  log: (line: string) => void,
): Promise<RestoreRun> {
  const { page } = session;
  const dataTables = [...DATA_TABLE_NAMES];
  const indexes = Object.fromEntries(dataTables.map((t) => [t, TABLE_INDEXES[t]]));
  const raw = async () => {
    const write = await call(page, 'rawWrite', server.workspaceURL, RAW_DB, indexes, RAW_BATCH);
    const read = await call(page, 'rawRead', RAW_DB, dataTables);
    await call(page, 'deleteDatabase', RAW_DB);
    log(
      `    raw IndexedDB: wrote ${write.records} records at ${Math.round(write.perSecond)}/s, read at ${Math.round(read.perSecond)}/s`,
    );
    return { write, read };
  };

  await goto(page, server.baseURL);
  await createProgram(page);
  const before = rawFirst ? await raw() : null;

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Data', exact: true }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  const fileChooser = await chooser;
  const dialog: Ready = [{ selector: 'dialog[open] h2', text: 'Restore this backup?' }];
  await call(page, 'longTasksStart', true);
  const check = await timed(page, dialog, () => fileChooser.setFiles(workspace.path), 30 * 60_000, [
    { selector: '.data-error[role="alert"]' },
  ]).catch((error: Error) => {
    throw new Error(`The backup was not accepted: ${error.message}`);
  });
  const checkLongTasks = await call(page, 'longTasksStop');
  log(`    read and checked the file in ${Math.round(check.ms)} ms`);

  await call(page, 'longTasksStart', true);
  const restored: Ready = [{ selector: '.toast span', text: 'The backup is restored' }];
  const restore = await timed(
    page,
    restored,
    () => page.getByRole('dialog').getByRole('button', { name: 'Replace all data' }).click(),
    30 * 60_000,
    [{ selector: 'dialog[open] .form-error[role="alert"]' }, { selector: '.toast-error' }],
  ).catch((error: Error) => {
    throw new Error(`The restore failed: ${error.message}`);
  });
  const restoreLongTasks = await call(page, 'longTasksStop');
  const appPerSecond = (workspace.total / restore.ms) * 1000;
  log(
    `    app restore: ${workspace.total} records in ${Math.round(restore.ms)} ms (${Math.round(appPerSecond)}/s)`,
  );

  const after = before ?? (await raw());
  return {
    appMs: restore.ms,
    appPerSecond,
    checkMs: check.ms,
    checkLongTasks,
    restoreLongTasks,
    raw: after.write,
    rawRead: after.read,
    order: rawFirst ? 'raw first' : 'app first',
  };
}

/** Bare button: the input-to-paint floor of this page on this machine. */
async function bareControl(page: Page, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    await call(page, 'armBareControl');
    await page.locator('#bench-bare-control').click();
    out.push((await call(page, 'interactionDone')).ms);
  }
  return out;
}

async function idleLongTasks(page: Page, ms: number): Promise<LongTaskReport> {
  await call(page, 'longTasksStart');
  await page.waitForTimeout(ms);
  return call(page, 'longTasksStop');
}

/** Runs the browser benchmark; returns its figures (the caller prints and records them). */
export async function runBrowserBench(options: BrowserBenchOptions): Promise<Figure[]> {
  const print = options.log ?? ((line: string) => console.log(line));
  const startedAt = performance.now();
  const log = (line: string) => print(`${line} [${((performance.now() - startedAt) / 1000).toFixed(0)} s]`);
  const runs = Math.max(1, options.runs ?? 5);
  // A run of only some areas restores the workspace once: its figures are not what it is for.
  const restoreRuns = options.only ? 1 : Math.min(3, runs);
  const measures = (area: BenchArea) => !options.only || options.only.includes(area);
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error(NO_CHROMIUM_MESSAGE);

  const workspace = workspaceFile({ scale: options.scale });
  log(
    `  workspace ×${options.scale}: ${workspace.total.toLocaleString('en')} records, ` +
      `${(workspace.bytes / 1024 / 1024).toFixed(1)} MB${workspace.generatedMs ? `, generated in ${Math.round(workspace.generatedMs)} ms` : ' (cached)'}`,
  );
  if (options.build !== false) {
    log('  building the renderer (vite build)…');
    // Vitest runs this with NODE_ENV=test, and Vite builds for the NODE_ENV it finds: React's
    // development build, not the one users run. The production build, as `npm start` makes it.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: resolve(ROOT, 'renderer'),
        configFile: resolve(ROOT, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'warn',
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }
  const development = developmentChunks(DIST);
  if (development.length > 0)
    throw new Error(
      `dist/renderer is a development build (React's development runtime in ${development.length} chunks, ` +
        `${development[0]} first): build it with \`npx vite build\`, or let the benchmark build it.`,
    );
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'pass' | 'ratio' | 'group'>) => {
    const made = figure({ group: 'browser', ...f });
    figures.push(made);
    return made;
  };

  // JavaScript before the first screen: from the build output alone.
  const chunks = initialChunks(DIST);
  const initialKb = chunks.reduce((sum, c) => sum + c.gzipBytes, 0) / 1024;

  const server = await startServer(workspace.path);
  const script = compilePageScript({ screens: SCREENS, timeoutMs: 120_000 });
  const sessions: Session[] = [];
  try {
    // 1. Start to the first screen, empty workspace (fresh profile).
    const emptyApp: number[] = [];
    const emptyRaw: number[] = [];
    let loadedScripts: string[] = [];
    if (measures('first-screen')) log('  first screen, empty workspace…');
    const empty = await Session.open(chromiumPath, server, script);
    sessions.push(empty);
    for (let i = 0; i < (measures('first-screen') ? runs : 0); i++) {
      const app = await goto(empty.page, server.baseURL);
      if (app.screen !== 'welcome') throw new Error(`Expected the welcome screen, got ${app.screen}`);
      emptyApp.push(app.ms);
      if (i === 0) {
        loadedScripts = await empty.page.evaluate(
          (end) =>
            (performance.getEntriesByType('resource') as unknown as { name: string; responseEnd: number }[])
              .filter((e) => e.name.endsWith('.js') && e.responseEnd <= end)
              .map((e) => new URL(e.name).pathname),
          app.ms,
        );
      }
      emptyRaw.push((await goto(empty.page, server.rawFirstScreenURL)).ms);
    }
    await empty.close();
    sessions.pop();

    // 2. Restore, alternating which goes first: the app or the raw baseline.
    const restores: RestoreRun[] = [];
    let last: Session | null = null;
    let restoreError: string | undefined;
    try {
      for (let i = 0; i < restoreRuns; i++) {
        log(`  restore ${i + 1} of ${restoreRuns}…`);
        await last?.close();
        if (last) sessions.pop();
        last = await Session.open(chromiumPath, server, script);
        sessions.push(last);
        restores.push(await restoreRun(last, server, workspace, i % 2 === 1, log));
      }
    } catch (error) {
      restoreError = error instanceof Error ? error.message : String(error);
      log(`  the restore failed, so nothing that needs the workspace is measured: ${restoreError}`);
    }
    // What every figure that needs the restored workspace says when it could not be measured.
    const needsWorkspace =
      restoreError && `not measured: the workspace could not be restored (${restoreError})`;

    const fullApp: number[] = [];
    const overviewApp: number[] = [];
    const fullRaw: number[] = [];
    const floor: number[] = [];
    const switches = new Runs();
    const sorts = new Runs();
    const filters = new Runs();
    const opens = new Runs();
    const backs = new Runs();
    const blockerViewRuns = Object.fromEntries(BLOCKER_VIEWS.map((v) => [v, new Runs()])) as Record<
      (typeof BLOCKER_VIEWS)[number],
      Runs
    >;
    const blockerFilters = new Runs();
    const scrolls: LongTaskReport[] = [];
    const typings: LongTaskReport[] = [];
    const idles: LongTaskReport[] = [];
    const heaps: Record<string, number> = {};
    let people: PeopleSamples | null = null;
    let peopleError: string | undefined;
    let metrics: MetricsSamples | null = null;
    let metricsError: string | undefined;
    let pairing: PairingSamples | null = null;
    let pairingError: string | undefined;
    let toil: ToilSamples | null = null;
    let toilError: string | undefined;
    if (!restoreError && last) {
      const session = last;
      const { page } = session;

      // 3. Start to the first screen with the workspace: the app, then the raw page.
      if (measures('first-screen')) log('  first screen, enterprise workspace…');
      for (let i = 0; i < (measures('first-screen') ? runs : 0); i++) {
        const app = await goto(page, `${server.baseURL}#/plan`);
        if (app.screen !== 'plan') throw new Error(`Expected the Plan, got ${app.screen}`);
        fullApp.push(app.ms);
        fullRaw.push((await goto(page, server.rawFirstScreenURL)).ms);
        // The first screen a user sees once a program exists: the overview (its adoption chart drawn).
        const overview = await goto(page, `${server.baseURL}#/overview`);
        if (overview.screen !== 'overview') throw new Error(`Expected the overview, got ${overview.screen}`);
        overviewApp.push(overview.ms);
      }

      // 4. Interactions.
      log('  interactions…');
      await goto(page, `${server.baseURL}#/plan`);
      floor.push(...(await bareControl(page, Math.max(5, runs * 2))));
      const nav = page.getByRole('navigation', { name: 'Areas' });
      const appRuns = measures('apps') ? runs : 0;
      for (let run = 0; run < appRuns; run++) {
        switches.next();
        for (const area of ['Apps', 'Data', 'Plan']) {
          const ready = AREA_READY[area] as Ready;
          switches.add(area, await session.timed(ready, () => nav.getByRole('link', { name: area }).click()));
        }
      }

      await nav.getByRole('link', { name: 'Apps' }).click();
      await call(page, 'waitFor', AREA_READY.Apps as Ready, 120_000);
      const table = page.getByRole('table', { name: /^Apps,/ });
      // One run (the end-to-end test of the harness) takes fewer samples of each kind.
      const quick = runs === 1;
      const columns = [
        'Business',
        'Technical',
        'Name',
        'Stage',
        'Hello world',
        'Team',
        'Selected',
        'Name',
      ].slice(0, quick ? 3 : undefined);
      for (let run = 0; run < appRuns; run++) {
        sorts.next();
        for (const column of columns) {
          const header = table.getByRole('button', { name: column, exact: true });
          const sorted: Ready = [
            ...TABLE_SETTLED,
            { selector: `th[aria-sort$="ending"] button[title="${column}"]` },
          ];
          sorts.add(column, await session.timed(sorted, () => header.click()));
        }
      }

      const search = page.getByRole('searchbox', { name: 'Search apps' });
      // Settled: the control holds the new value and the table shows the rows for it (not stale).
      const settled = (control: string, value: string): Ready => [
        { selector: control, value },
        { selector: '.apps-table-scroll.is-stale', absent: true },
      ];
      const typed = quick ? 'pa' : 'pay 1';
      for (let run = 0; run < appRuns; run++) {
        filters.next();
        await search.click();
        await typeThenErase(session, filters, 'input.apps-search', typed, settled);
        for (const stage of quick ? ['onboarding', ''] : ['onboarding', 'on-platform', '']) {
          const t = await session.timed(settled('select[aria-label="Stage"]', stage), () =>
            page.getByRole('combobox', { name: 'Stage' }).selectOption(stage),
          );
          filters.add(`stage "${stage || 'all'}"`, t);
        }
      }

      for (let run = 0; run < appRuns; run++) {
        opens.next();
        backs.next();
        for (let k = 0; k < (quick ? 1 : 2); k++) {
          const nth = page.locator('tr.app-row').nth(3 + run * 2 + k);
          const name = ((await nth.locator('a.app-name-link').textContent()) ?? '').trim();
          // The row found again by its app when clicked: the virtual table may have redrawn its
          // rows in another order since (on a busy machine the click then opened another app).
          const row = page
            .locator('tr.app-row')
            .filter({ has: page.getByRole('link', { name, exact: true }) });
          const opened: Ready = [{ selector: 'form.app-page h2', text: name }];
          opens.add(name, await session.timed(opened, () => row.locator('td').nth(2).click()));
          const back = () => page.getByRole('link', { name: '← All apps' }).click();
          backs.add(name, await session.timed(AREA_READY.Apps as Ready, back));
        }
      }

      // 5. Long tasks while scrolling the table and typing in its filter, and while idle.
      if (appRuns) log('  long tasks…');
      const scroller = page.getByTestId('apps-table-scroll');
      for (let i = 0; i < Math.min(3, appRuns); i++) {
        await scroller.hover();
        await call(page, 'longTasksStart');
        for (let step = 0; step < (quick ? 15 : 40); step++) {
          await page.mouse.wheel(0, 800);
          await page.waitForTimeout(16);
        }
        // Dragging the scroll thumb: big jumps through the list.
        for (const at of [0.9, 0.2, 0.6, 1, 0]) {
          await scroller.evaluate((el, f) => {
            el.scrollTop = f * (el.scrollHeight - el.clientHeight);
          }, at);
          await page.waitForTimeout(120);
        }
        const scroll = await call(page, 'longTasksStop');
        scrolls.push(scroll);

        await search.click();
        await call(page, 'longTasksStart');
        await page.keyboard.type('payments 00', { delay: 90 });
        await call(page, 'waitFor', TABLE_SETTLED.slice(1), 60_000);
        for (let k = 0; k < 11; k++) await page.keyboard.press('Backspace', { delay: 60 });
        await call(page, 'waitFor', TABLE_SETTLED, 60_000);
        typings.push(await call(page, 'longTasksStop'));
        idles.push(await idleLongTasks(page, Math.round(scroll.durationMs)));
      }

      // The Blockers area (20,000 blockers at scale 1): each view after its first load, and
      // filtering the register, input to the frame after the result, with the main thread's CPU.
      const blockerRuns = measures('blockers') ? runs : 0;
      if (blockerRuns) log('  blockers…');
      if (blockerRuns) await nav.getByRole('link', { name: 'Blockers' }).click();
      if (blockerRuns) await call(page, 'waitFor', BLOCKERS_READY.Register as Ready, 120_000);
      const blockerViews = page.getByRole('navigation', { name: 'Blockers views' });
      const openView = (view: string) => blockerViews.getByRole('link', { name: view, exact: true }).click();
      // The first load of each view (its chunk, its first read) is not what is measured.
      for (const view of blockerRuns ? BLOCKER_VIEWS : []) {
        await openView(view);
        await call(page, 'waitFor', BLOCKERS_READY[view] as Ready, 120_000);
      }
      for (let run = 0; run < blockerRuns; run++) {
        for (const view of BLOCKER_VIEWS) {
          blockerViewRuns[view].next();
          const t = await session.timed(BLOCKERS_READY[view] as Ready, () => openView(view));
          blockerViewRuns[view].add(view, t);
        }
      }
      const blockerSearch = page.getByRole('searchbox', { name: 'Search blockers' });
      const registerSettled = (control: string, value: string): Ready => [
        { selector: control, value },
        { selector: '.register-scroll.is-stale', absent: true },
      ];
      const blockerSelect = (name: string) => `.blockers-filters select[aria-label="${name}"]`;
      const blockerWords = quick ? 'de' : 'depend';
      for (let run = 0; run < blockerRuns; run++) {
        blockerFilters.next();
        for (const [name, value] of [
          ['Status', 'unresolved'],
          ['Category', 'technical-execution'],
        ] as const) {
          const t = await session.timed(registerSettled(blockerSelect(name), value), () =>
            page.locator(blockerSelect(name)).selectOption(value),
          );
          blockerFilters.add(`${name} "${value}"`, t);
        }
        await blockerSearch.click();
        for (let i = 0; i < blockerWords.length; i++) {
          const t = await session.timed(
            registerSettled('input.blockers-search', blockerWords.slice(0, i + 1)),
            () => page.keyboard.press(blockerWords[i] as string),
          );
          blockerFilters.add(`type "${blockerWords[i]}"`, t);
        }
        for (let i = blockerWords.length - 1; i >= 0; i--) {
          const t = await session.timed(
            registerSettled('input.blockers-search', blockerWords.slice(0, i)),
            () => page.keyboard.press('Backspace'),
          );
          blockerFilters.add('Backspace', t);
        }
        for (const name of ['Category', 'Status']) {
          const t = await session.timed(registerSettled(blockerSelect(name), ''), () =>
            page.locator(blockerSelect(name)).selectOption(''),
          );
          blockerFilters.add(`${name} "all"`, t);
        }
      }

      // 5b. The People list and the knowledge map (./people.ts).
      if (measures('people'))
        try {
          people = await measurePeople(session, runs, log);
        } catch (error) {
          peopleError = `not measured: ${error instanceof Error ? error.message : String(error)}`;
          log(`  people: ${peopleError}`);
        }

      // 5c. The metrics grid and the overview's metric chart (./metrics.ts).
      if (measures('metrics'))
        try {
          metrics = await measureMetrics(session, runs, log);
        } catch (error) {
          metricsError = `not measured: ${error instanceof Error ? error.message : String(error)}`;
          log(`  metrics: ${metricsError}`);
        }
      // 5d. The session log, hours and quick entry (./pairing.ts).
      if (measures('pairing'))
        try {
          pairing = await measurePairing(session, runs, log);
        } catch (error) {
          pairingError = `not measured: ${error instanceof Error ? error.message : String(error)}`;
          log(`  pairing: ${pairingError}`);
        }
      // 5e. A toil audit's results and the heat map (./toil.ts).
      if (measures('toil'))
        try {
          toil = await measureToil(session, runs, log);
        } catch (error) {
          toilError = `not measured: ${error instanceof Error ? error.message : String(error)}`;
          log(`  toil: ${toilError}`);
        }

      // 6. Heap on each screen after a collection.
      if (measures('heap')) log('  heap…');
      for (const [label, route, ready] of measures('heap') ? HEAP_SCREENS : []) {
        await page.goto(`${server.baseURL}${route}`, { waitUntil: 'commit' });
        await call(page, 'waitFor', ready, 120_000);
        await page.waitForTimeout(300);
        heaps[label] = round(await session.heapMb());
      }
      await page.goto(server.baseURL, { waitUntil: 'commit' });
      await session.close(true);
      sessions.pop();
    }
    const busiest = Object.entries(heaps).sort((a, b) => b[1] - a[1])[0];

    // Figures: a median of the samples (interactions: see Runs), or null with the reason when there are none.
    const of = (samples: readonly number[], statistic: (v: readonly number[]) => number, digits = 0) =>
      samples.length > 0 ? round(statistic(samples), digits) : null;
    const rounded = (v: readonly number[]) => v.map((x) => round(x, 0));
    const restoreFailed = restoreError && `not measured: ${restoreError}`;
    const rawWrites = restores.map((r) => r.raw.perSecond);
    add({
      id: 'restore-rate',
      figure: 'Restore the workspace (Data screen, file picker)',
      value: of(
        restores.map((r) => r.appPerSecond),
        median,
      ),
      unit: 'records/s',
      target: { kind: 'min', value: 0.8, ofBaseline: true },
      baseline: rawWrites.length
        ? {
            value: round(median(rawWrites), 0),
            unit: 'records/s',
            what: `raw IndexedDB, transactions of ${RAW_BATCH.toLocaleString('en')} records`,
          }
        : null,
      error: restoreFailed,
      detail: {
        records: workspace.total,
        bytes: workspace.bytes,
        runs: restores.map((r) => ({
          order: r.order,
          appMs: round(r.appMs, 0),
          appPerSecond: round(r.appPerSecond, 0),
          rawMs: round(r.raw.ms, 0),
          rawPerSecond: round(r.raw.perSecond, 0),
          rawReadPerSecond: round(r.rawRead.perSecond, 0),
        })),
      },
    });
    const rawLongest = restores.map((r) => r.raw.longTasks?.longestMs ?? 0);
    add({
      id: 'restore-longest-task',
      figure: 'Restore: longest task, file chosen to restored',
      // The page must answer throughout: while the file is read and checked, and while writing.
      value: of(
        restores.map((r) => Math.max(r.checkLongTasks.longestMs, r.restoreLongTasks.longestMs)),
        median,
      ),
      unit: 'ms',
      target: { kind: 'max', value: 50 },
      baseline: rawLongest.length
        ? { value: round(median(rawLongest), 0), unit: 'ms', what: 'raw IndexedDB write, longest task' }
        : null,
      error: restoreFailed,
      detail: {
        checkLongestMs: restores.map((r) => round(r.checkLongTasks.longestMs, 0)),
        writeLongestMs: restores.map((r) => round(r.restoreLongTasks.longestMs, 0)),
        longestFrameGapMs: restores.map((r) => round(r.restoreLongTasks.longestFrameGapMs, 0)),
        longTasks: restores.map((r) => r.checkLongTasks.count + r.restoreLongTasks.count),
      },
    });
    const progress = restores.map((r) => r.restoreLongTasks.progress);
    add({
      id: 'restore-progress',
      figure: 'Restore: progress updates shown',
      value: of(
        progress.map((p) => p.length),
        median,
      ),
      unit: 'updates',
      target: { kind: 'min', value: 3 },
      baseline: null,
      error: restoreFailed,
      detail: { progress },
    });
    add({
      id: 'restore-check',
      figure: 'Restore: read and check the file',
      value: of(
        restores.map((r) => r.checkMs),
        median,
      ),
      unit: 'ms',
      target: null,
      baseline: null,
      error: restoreFailed,
      detail: { longestTaskMs: restores.map((r) => round(r.checkLongTasks.longestMs, 0)) },
    });
    add({
      id: 'first-screen-workspace',
      figure: 'Start to first screen drawn, enterprise workspace',
      value: of(fullApp, median),
      unit: 'ms',
      target: { kind: 'max', value: 1000 },
      baseline: fullRaw.length
        ? {
            value: round(median(fullRaw), 0),
            unit: 'ms',
            what: 'bare page drawing the same data from raw IndexedDB',
          }
        : null,
      error: needsWorkspace,
      detail: { app: rounded(fullApp), raw: rounded(fullRaw) },
    });
    add({
      id: 'first-screen-overview',
      figure: 'Start to the overview drawn (adoption chart read out), enterprise workspace',
      value: of(overviewApp, median),
      unit: 'ms',
      target: { kind: 'max', value: 1000 },
      baseline: fullRaw.length
        ? {
            value: round(median(fullRaw), 0),
            unit: 'ms',
            what: 'bare page drawing the Plan’s data from raw IndexedDB',
          }
        : null,
      error: needsWorkspace,
      detail: { app: rounded(overviewApp) },
    });
    add({
      id: 'first-screen-empty',
      figure: 'Start to first screen drawn, empty workspace',
      value: of(emptyApp, median),
      unit: 'ms',
      target: { kind: 'max', value: 500 },
      baseline: {
        value: round(median(emptyRaw), 0),
        unit: 'ms',
        what: 'bare page reading the empty database',
      },
      detail: { app: rounded(emptyApp), raw: rounded(emptyRaw) },
    });
    const floorBaseline = floor.length
      ? { value: round(median(floor), 0), unit: 'ms', what: 'bare button on the same page, median' }
      : null;
    const interactions: Interaction[] = [
      ['switch-areas-p95', 'Switch areas: input to paint, p95', switches, {}],
      ['sort-apps-p95', 'Sort the apps table: input to paint, p95', sorts, {}],
      ['filter-apps-p95', 'Filter the apps table: input to paint, p95', filters, {}],
      ['open-app-p95', 'Open an app: input to paint, p95', opens, { backToTable: backs.detail() }],
      [
        'blockers-register-p95',
        'Open the blockers register: input to paint, p95',
        blockerViewRuns.Register,
        {},
      ],
      ['blockers-board-p95', 'Open the blockers board: input to paint, p95', blockerViewRuns.Board, {}],
      [
        'blockers-trends-p95',
        'Open the blockers trends (heat map, ageing, ten-year trend): input to paint, p95',
        blockerViewRuns.Trends,
        {},
      ],
      ['filter-blockers-p95', 'Filter the blockers register: input to paint, p95', blockerFilters, {}],
      ...peopleInteractions(people),
      ...metricsInteractions(metrics),
    ];
    const metricIds: readonly string[] = METRICS_FIGURE_IDS;
    const pairingFigures = pairingInteractions(pairing);
    const toilFigures = toilInteractions(toil);
    for (const [id, name, samples, extra, targetMs = 100] of [
      ...interactions,
      ...pairingFigures,
      ...toilFigures,
    ]) {
      const areaError = toilFigures.some((f) => f[0] === id)
        ? toilError
        : pairingFigures.some((f) => f[0] === id)
          ? pairingError
          : metricIds.includes(id)
            ? metricsError
            : peopleError;
      add({
        id,
        figure: name,
        value: samples?.p95() ?? null,
        cpuMs: samples?.p95('cpuMs') ?? null,
        unit: 'ms',
        target: { kind: 'max', value: targetMs },
        baseline: floorBaseline,
        error: needsWorkspace || (samples ? undefined : areaError),
        detail: { ...samples?.detail(), ...extra },
      });
    }
    const idleBaseline = idles.length
      ? {
          value: round(median(idles.map((r) => r.longestMs)), 0),
          unit: 'ms',
          what: 'the same page idle for as long',
        }
      : null;
    const longTaskDetail = (reports: LongTaskReport[]) => ({
      runs: reports.map((r) => ({
        longestMs: round(r.longestMs, 0),
        count: r.count,
        longestFrameGapMs: round(r.longestFrameGapMs, 0),
      })),
    });
    add({
      id: 'longest-task-scroll',
      figure: 'Longest task scrolling the apps table',
      value: of(
        scrolls.map((r) => r.longestMs),
        median,
      ),
      unit: 'ms',
      target: { kind: 'max', value: 50 },
      baseline: idleBaseline,
      error: needsWorkspace,
      detail: longTaskDetail(scrolls),
    });
    add({
      id: 'longest-task-typing',
      figure: 'Longest task typing in the apps filter',
      value: of(
        typings.map((r) => r.longestMs),
        median,
      ),
      unit: 'ms',
      target: { kind: 'max', value: 50 },
      baseline: idleBaseline,
      error: needsWorkspace,
      detail: longTaskDetail(typings),
    });
    const fps = (r: LongTaskReport) => (r.durationMs > 0 ? (r.frames / r.durationMs) * 1000 : 0);
    add({
      id: 'scroll-frame-rate',
      figure: 'Frames a second scrolling the apps table',
      value: of(scrolls.map(fps), median),
      unit: 'fps',
      target: { kind: 'min', value: 55 },
      baseline: idles.length
        ? { value: round(median(idles.map(fps)), 0), unit: 'fps', what: 'the same page idle for as long' }
        : null,
      error: needsWorkspace,
      detail: { runs: scrolls.map((r) => ({ frames: r.frames, ms: round(r.durationMs, 0) })) },
    });
    add({
      id: 'heap-busiest-screen',
      figure: `JS heap on the busiest screen${busiest ? ` (${busiest[0]})` : ''}`,
      value: busiest ? busiest[1] : null,
      unit: 'MB',
      target: { kind: 'max', value: 200 },
      baseline: null,
      error: needsWorkspace,
      detail: { screens: heaps },
    });
    const loaded = loadedScripts.map((path) => gzipSize(resolve(DIST, `.${path}`)));
    figures.push(
      figure({
        id: 'js-before-first-screen',
        group: 'build',
        figure: 'JavaScript before the first screen, gzipped',
        value: round(initialKb, 1),
        unit: 'KB',
        target: { kind: 'max', value: 300 },
        baseline: null,
        detail: {
          chunks: chunks.map((c) => ({ file: c.file, gzipKb: round(c.gzipBytes / 1024, 1) })),
          fetchedBeforeWelcome: loadedScripts,
          fetchedBeforeWelcomeGzipKb: round(loaded.reduce((sum, c) => sum + c.gzipBytes, 0) / 1024, 1),
        },
      }),
    );
    if (outsideRequests.length > 0)
      throw new Error(
        `The app asked for ${outsideRequests.length} file(s) beyond its own origin, ${outsideRequests[0]} first: ` +
          'it must run offline.',
      );
    if (!options.only) return figures;
    const kept = new Set(options.only.flatMap((area) => AREA_FIGURES[area]));
    return figures.filter((f) => f.id.startsWith('restore-') || kept.has(f.id));
  } finally {
    for (const s of sessions.reverse()) await s.close().catch(() => {});
    await server.close();
  }
}
