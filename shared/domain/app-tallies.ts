/**
 * The apps' tallies: the counts the first screens draw, kept as a derived table (appTallies,
 * renderer/db/derived.ts) in the same transaction as every write to the apps, so Plan and the
 * overview read a few hundred small rows instead of 20,000 apps.
 *
 * Each row counts the apps that share one key:
 * - `cycle|<cycleId>|<stage>`: the apps of a cycle in a stage that counts toward it (Plan's actuals);
 * - `stage|<stage>`: the apps in a stage, with or without a cycle (apps on the platform);
 * - `reached|<step>|<yyyy-MM>`: the apps that reached an adoption step in a month, counted per
 *   day in the row's parts (the adoption series);
 * - `hello|<yyyy-MM>`: the apps whose first deploy was in a month, counted per day and days from
 *   selection in the row's parts (the median time to hello world as of any day).
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

/**
 * A row: a count, and for a month's row (`reached`, `hello`) its parts, a flat list of
 * (day of the month, days to hello world or 0, count) triples in order, whose counts sum to
 * `count`. A month in one row, not a row per day: the overview reads a few hundred rows, not
 * 15,000 (IndexedDB's cost is per row read). Plain numbers, not a typed array: Dexie's cache
 * copies a query's answer and keeps typed arrays only of its own realm's kind, which a test's
 * in-memory IndexedDB does not make.
 */
export const appTallySchema = z.object({
  id: z.string().min(1),
  count: z.number().int().positive(),
  parts: z.array(z.number().int()).optional(),
});
export type AppTally = z.infer<typeof appTallySchema>;

/** The fields of an app its tallies read. */
export type TallyApp = AdoptionApp & Pick<App, 'cycleId'>;

/** The kinds of row, as the first part of their ids: one kind is read as one key range. */
export const TALLY_KINDS = ['cycle', 'stage', 'reached', 'hello'] as const;
export type TallyKind = (typeof TALLY_KINDS)[number];

/** Separates a month's row id from the part of it a key counts in (ids never hold one: they are kinds, dates, steps). */
const PART = '#';

/**
 * The keys one app adds one to: a plain row's id, or a month's row id and the part in it
 * (`reached|<step>|<yyyy-MM>#<dd>`, `hello|<yyyy-MM>#<dd>|<days>`).
 */
export function appTallyKeys(app: TallyApp): string[] {
  const keys = [`stage|${app.stage}`];
  if (countsTowardCycle(app)) keys.push(`cycle|${app.cycleId}|${app.stage}`);
  for (const step of ADOPTION_STEPS) {
    const day = reachedOn(app, step);
    if (day) keys.push(`reached|${step}|${day.slice(0, 7)}${PART}${day.slice(8, 10)}`);
  }
  if (countsForAdoption(app) && app.firstDeployOn !== null) {
    const days = timeToHelloWorldDays(app);
    const on = app.firstDeployOn;
    if (days !== null) keys.push(`hello|${on.slice(0, 7)}${PART}${on.slice(8, 10)}|${days}`);
  }
  return keys;
}

/** Whether a key's row is a month's (counted in parts). */
const isMonthKey = (key: string) => key.startsWith('reached|') || key.startsWith('hello|');

/** A part's key: the day of the month and the days to hello world (0 in a `reached` row). */
const partKey = (day: number, days: number) => `${day}|${days}`;

/** A key's row id, and its part in that row as {@link partKey} writes it ('' for a plain row). */
function splitKey(key: string): [id: string, part: string] {
  if (!isMonthKey(key)) return [key, ''];
  const at = key.indexOf(PART);
  const part = key.slice(at + 1);
  const bar = part.indexOf('|');
  const days = bar < 0 ? 0 : Number(part.slice(bar + 1));
  return [key.slice(0, at), partKey(Number(bar < 0 ? part : part.slice(0, bar)), days)];
}

/** A stored month row's parts by key ("dd|days"), with their counts. */
function partCounts(row: AppTally | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  const parts = row?.parts;
  if (parts)
    for (let i = 0; i < parts.length; i += 3) counts.set(partKey(parts[i]!, parts[i + 1]!), parts[i + 2]!);
  return counts;
}

/** A month's row from its parts' counts (none left: undefined). */
function monthRow(id: string, counts: ReadonlyMap<string, number>): AppTally | undefined {
  const triples: [number, number, number][] = [];
  let count = 0;
  for (const [key, n] of counts) {
    if (n <= 0) continue;
    const bar = key.indexOf('|');
    triples.push([Number(key.slice(0, bar)), Number(key.slice(bar + 1)), n]);
    count += n;
  }
  if (count === 0) return undefined;
  triples.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { id, count, parts: triples.flat() };
}

/** Every row for these apps (a restore, the demo, an upgrade): their write onto no rows. */
export function tallyApps(apps: readonly TallyApp[]): AppTally[] {
  return applyAppTallyDelta(new Map(), [], apps).put;
}

/** The ids of the rows a write touches: those its removed (before) and added (after) images count in. */
export function appTallyIdsTouched(removed: readonly TallyApp[], added: readonly TallyApp[]): string[] {
  return [
    ...new Set([...removed, ...added].flatMap((app) => appTallyKeys(app).map((key) => splitKey(key)[0]))),
  ];
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
  // Per row, per part ('' for a plain row): the change.
  const delta = new Map<string, Map<string, number>>();
  const note = (apps: readonly TallyApp[], by: number) => {
    for (const app of apps) {
      for (const key of appTallyKeys(app)) {
        const [id, part] = splitKey(key);
        let parts = delta.get(id);
        if (!parts) delta.set(id, (parts = new Map()));
        parts.set(part, (parts.get(part) ?? 0) + by);
      }
    }
  };
  note(removed, -1);
  note(added, 1);
  const put: AppTally[] = [];
  const deleted: string[] = [];
  for (const [id, parts] of delta) {
    if (![...parts.values()].some((change) => change !== 0)) continue;
    const stored = current.get(id);
    let row: AppTally | undefined;
    if (parts.has('')) {
      const count = (stored?.count ?? 0) + parts.get('')!;
      row = count > 0 ? { id, count } : undefined;
    } else {
      const counts = partCounts(stored);
      for (const [part, change] of parts) counts.set(part, (counts.get(part) ?? 0) + change);
      row = monthRow(id, counts);
    }
    if (row) put.push(row);
    else if (stored) deleted.push(id);
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

/** A month's day as an ISO date: "2025-01" and 6 → "2025-01-06". */
const dayOf = (month: string, day: number): IsoDate => `${month}-${day < 10 ? '0' : ''}${day}`;

/** Each step's reached dates, sorted, one per app, from the `reached` rows: as reachedDates over every app. */
export function reachedDatesFromTallies(rows: readonly AppTally[]): Record<AdoptionStep, IsoDate[]> {
  const out: Record<AdoptionStep, IsoDate[]> = { selected: [], helloWorld: [], production: [] };
  const sorted = rows.filter((r) => r.id.startsWith('reached|')).sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const row of sorted) {
    const [, step, month] = parts(row);
    const dates = out[step as AdoptionStep];
    const triples = row.parts;
    if (!dates || !triples) continue;
    for (let i = 0; i < triples.length; i += 3) {
      const day = dayOf(month!, triples[i]!);
      for (let n = triples[i + 2]!; n > 0; n--) dates.push(day);
    }
  }
  return out;
}

/** The times to hello world from the `hello` rows: as helloWorldTimes over every app (the same median at any day). */
export function helloWorldTimesFromTallies(rows: readonly AppTally[]): HelloWorldTimes {
  const sorted = rows.filter((r) => r.id.startsWith('hello|')).sort((x, y) => (x.id < y.id ? -1 : 1));
  const on: IsoDate[] = [];
  const days: number[] = [];
  for (const row of sorted) {
    const [, month] = parts(row);
    const triples = row.parts;
    if (!triples) continue;
    for (let i = 0; i < triples.length; i += 3) {
      const day = dayOf(month!, triples[i]!);
      for (let n = triples[i + 2]!; n > 0; n--) {
        on.push(day);
        days.push(triples[i + 1]!);
      }
    }
  }
  return { on, days };
}
