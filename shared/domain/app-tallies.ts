/**
 * The apps' tallies: the counts the first screens draw, kept as a derived table (appTallies,
 * renderer/db/derived.ts) in the same transaction as every write to the apps, so Plan and the
 * overview read a few thousand small rows instead of 20,000 apps.
 *
 * Each row counts the apps that share one key:
 * - `cycle|<cycleId>|<stage>`: the apps of a cycle in a stage that counts toward it (Plan's actuals);
 * - `stage|<stage>`: the apps in a stage, with or without a cycle (apps on the platform);
 * - `reached|<step>|<date>`: the apps that reached an adoption step on a day (the adoption series);
 * - `hello|<date>|<days>`: the apps whose first deploy was on a day, by days from selection
 *   (the median time to hello world as of any day).
 *
 * Each reader's answer equals the calculation over the apps themselves (adoption.ts,
 * cycle-actuals.ts); the tests hold them to it.
 */
import { z } from 'zod';
import {
  ADOPTION_STEPS,
  countsForAdoption,
  reachedOn,
  type AdoptionApp,
  type AdoptionStep,
  type HelloWorldTimes,
} from './adoption';
import { UNFINISHED_STAGES, type CycleActual } from './cycle-actuals';
import { countsTowardCycle, timeToHelloWorldDays } from './pipeline';
import type { App, AppStage } from './apps';
import type { IsoDate } from './dates';

export const appTallySchema = z.object({ id: z.string().min(1), count: z.number().int().positive() });
export type AppTally = z.infer<typeof appTallySchema>;

/** The fields of an app its tallies read. */
export type TallyApp = AdoptionApp & Pick<App, 'cycleId'>;

/** The kinds of row, as the first part of their ids: one kind is read as one key range. */
export const TALLY_KINDS = ['cycle', 'stage', 'reached', 'hello'] as const;
export type TallyKind = (typeof TALLY_KINDS)[number];

/** The ids of the rows one app adds one to. */
export function appTallyKeys(app: TallyApp): string[] {
  const keys = [`stage|${app.stage}`];
  if (countsTowardCycle(app)) keys.push(`cycle|${app.cycleId}|${app.stage}`);
  for (const step of ADOPTION_STEPS) {
    const day = reachedOn(app, step);
    if (day) keys.push(`reached|${step}|${day}`);
  }
  if (countsForAdoption(app) && app.firstDeployOn !== null) {
    const days = timeToHelloWorldDays(app);
    if (days !== null) keys.push(`hello|${app.firstDeployOn}|${days}`);
  }
  return keys;
}

/** Every row for these apps (a restore, the demo, an upgrade). */
export function tallyApps(apps: readonly TallyApp[]): AppTally[] {
  const counts = new Map<string, number>();
  for (const app of apps) for (const key of appTallyKeys(app)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ id, count }));
}

/** The ids of the rows a write touches: those its removed (before) and added (after) images count in. */
export function appTallyIdsTouched(removed: readonly TallyApp[], added: readonly TallyApp[]): string[] {
  return [...new Set([...removed, ...added].flatMap(appTallyKeys))];
}

/**
 * The rows after a write: `current` holds the stored rows of {@link appTallyIdsTouched} (absent: no
 * row yet). Rows that fall to zero are deleted.
 */
export function applyAppTallyDelta(
  current: ReadonlyMap<string, AppTally>,
  removed: readonly TallyApp[],
  added: readonly TallyApp[],
): { put: AppTally[]; deleted: string[] } {
  const delta = new Map<string, number>();
  for (const app of removed) for (const key of appTallyKeys(app)) delta.set(key, (delta.get(key) ?? 0) - 1);
  for (const app of added) for (const key of appTallyKeys(app)) delta.set(key, (delta.get(key) ?? 0) + 1);
  const put: AppTally[] = [];
  const deleted: string[] = [];
  for (const [id, change] of delta) {
    if (change === 0) continue;
    const count = (current.get(id)?.count ?? 0) + change;
    if (count > 0) put.push({ id, count });
    else if (current.has(id)) deleted.push(id);
  }
  return { put, deleted };
}

/** The first and last possible id of a kind's rows, for a key range. */
export function tallyRange(kind: TallyKind): [string, string] {
  return [`${kind}|`, `${kind}|\uffff`];
}

function parts(row: AppTally): string[] {
  return row.id.split('|');
}

/** Plan's actuals from the `cycle` and `stage` rows: as countAppsByCycle over the apps, and the apps on the platform. */
export function actualsFromTallies(rows: readonly AppTally[]): {
  onPlatform: number;
  byCycle: Map<string, CycleActual>;
} {
  let onPlatform = 0;
  const byCycle = new Map<string, CycleActual>();
  for (const row of rows) {
    if (row.id === 'stage|on-platform') onPlatform = row.count;
    if (!row.id.startsWith('cycle|')) continue;
    // cycle|<cycleId>|<stage>: the stage after the last bar, whatever the id holds.
    const bar = row.id.lastIndexOf('|');
    const cycleId = row.id.slice('cycle|'.length, bar);
    const stage = row.id.slice(bar + 1) as AppStage;
    const actual = byCycle.get(cycleId) ?? { selected: 0, onPlatform: 0, unfinished: 0 };
    actual.selected += row.count;
    if (stage === 'on-platform') actual.onPlatform += row.count;
    if (UNFINISHED_STAGES.includes(stage)) actual.unfinished += row.count;
    byCycle.set(cycleId, actual);
  }
  return { onPlatform, byCycle };
}

/** Each step's reached dates, sorted, one per app, from the `reached` rows: as reachedDates over every app. */
export function reachedDatesFromTallies(rows: readonly AppTally[]): Record<AdoptionStep, IsoDate[]> {
  const out: Record<AdoptionStep, IsoDate[]> = { selected: [], helloWorld: [], production: [] };
  const sorted = rows.filter((r) => r.id.startsWith('reached|')).sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const row of sorted) {
    const [, step, day] = parts(row);
    const dates = out[step as AdoptionStep];
    if (!dates) continue;
    for (let i = 0; i < row.count; i++) dates.push(day!);
  }
  return out;
}

/** The times to hello world from the `hello` rows: as helloWorldTimes over every app (the same median at any day). */
export function helloWorldTimesFromTallies(rows: readonly AppTally[]): HelloWorldTimes {
  const timed = rows
    .filter((r) => r.id.startsWith('hello|'))
    .map((row) => {
      const [, on, days] = parts(row);
      return { on: on!, days: Number(days), count: row.count };
    })
    .sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : x.days - y.days));
  const on: IsoDate[] = [];
  const days: number[] = [];
  for (const t of timed) {
    for (let i = 0; i < t.count; i++) {
      on.push(t.on);
      days.push(t.days);
    }
  }
  return { on, days };
}
