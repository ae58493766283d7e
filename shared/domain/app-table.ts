/**
 * The apps table's rows: each app joined with its team, cycle and golden path names, then
 * filtered and sorted. Pure functions over plain arrays, so the table, the CSV export (which
 * exports exactly what the table shows) and the benchmark share one implementation.
 *
 * Built for 20,000 apps: the join, the lower-cased search text and each name's rank in the
 * collator's order are computed once per data change (buildAppRows), so typing in the search box
 * only scans strings, and sorting any column compares numbers (or ISO dates) — never a collator.
 */
import {
  APP_STAGES,
  APP_STAGE_LABELS,
  cycleLabel,
  timeToHelloWorldDays,
  type App,
  type AppStage,
  type Cycle,
  type GoldenPath,
  type Team,
} from './index';
import { nameCollator, nameRanks } from './name-order';
import { ADOPTION_STEP_LABELS, reachedOn, type AdoptionStep } from './adoption';
import { formatIsoDate, type IsoDate } from './dates';

/** `''` means "any"; NONE means "not set" (no team, no cycle). */
export const NONE = '__none__';

/**
 * The apps that reached a step of the pipeline in a span of days (shared/domain/adoption
 * reachedOn): what a point or a tile of the overview's adoption story counts, so it can open
 * exactly those apps.
 */
export interface AppReachedFilter {
  step: AdoptionStep;
  /** Exclusive: apps that reached the step after this day; null for "since the start". */
  after: IsoDate | null;
  /** Inclusive: apps that had reached the step by the end of this day. */
  onOrBefore: IsoDate;
}

export interface AppFilters {
  text: string;
  stage: AppStage | '';
  teamId: string;
  cycleId: string;
  /** Set by the overview's drill-down; null when not filtering by dates. */
  reached: AppReachedFilter | null;
}

export const EMPTY_FILTERS: AppFilters = { text: '', stage: '', teamId: '', cycleId: '', reached: null };

/** The reached filter in words: "On the platform by 30 Jun 2026", "Hello world 1 Apr – 30 Jun 2026". */
export function describeReachedFilter(filter: AppReachedFilter): string {
  const step = ADOPTION_STEP_LABELS[filter.step];
  return filter.after === null
    ? `${step} by ${formatIsoDate(filter.onOrBefore)}`
    : `${step} after ${formatIsoDate(filter.after)}, by ${formatIsoDate(filter.onOrBefore)}`;
}

export const SORT_KEYS = [
  'name',
  'team',
  'stage',
  'cycle',
  'business',
  'technical',
  'helloWorld',
  'selectedOn',
  'firstDeployOn',
  'productionOn',
  'goldenPaths',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface AppSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_SORT: AppSort = { key: 'name', direction: 'asc' };

export interface AppRow {
  app: App;
  teamName: string;
  cycleLabel: string;
  /** The cycle's index, for sorting cycles in time order rather than by label. */
  cycleIndex: number | null;
  /** Days from selected to first deploy ("time to hello world"), null until both are known. */
  helloWorldDays: number | null;
  goldenPathNames: string[];
  /** Everything the free-text filter matches, lower-cased once. */
  search: string;
  /** The app name's rank among the rows' names in {@link collator} order (equal names share one). */
  nameRank: number;
  /** The team name's rank among the teams' names in {@link collator} order; null without a team. */
  teamRank: number | null;
}

/** Compares names as people expect: case-insensitive, numbers by value ("App 2" before "App 10"). */
export const collator = nameCollator();

/** A team's name and its rank among the teams' names; a cycle's index and label. */
interface TeamName {
  name: string;
  rank: number;
}
interface CycleLabel {
  index: number;
  label: string;
}

/** Joins apps with the names the table shows. */
export function buildAppRows(
  apps: readonly App[],
  teams: readonly Pick<Team, 'id' | 'name'>[],
  cycles: readonly Pick<Cycle, 'id' | 'index' | 'name'>[],
  goldenPaths: readonly Pick<GoldenPath, 'id' | 'name'>[],
): AppRow[] {
  const teamRanks = nameRanks(
    teams.map((t) => t.name),
    collator,
  );
  const teamById = new Map(teams.map((t, i) => [t.id, { name: t.name, rank: teamRanks[i]! }]));
  const labels = new Map(cycles.map((c) => [c.id, { index: c.index, label: cycleLabel(c) }]));
  const pathNames = new Map(goldenPaths.map((g) => [g.id, g.name]));
  const ranks = nameRanks(
    apps.map((app) => app.name),
    collator,
  );
  return apps.map((app, i) => appRow(app, ranks[i]!, teamById, labels, pathNames));
}

/**
 * One app's row. A function of its own, called once a row, rather than the body of the loop over
 * the rows: called thousands of times, the engine optimizes it within the first run, where the
 * loop's one long body ran unoptimized, or was optimized and thrown away again, through the
 * benchmark's first runs (a tenth of its median).
 */
function appRow(
  app: App,
  nameRank: number,
  teamById: ReadonlyMap<string, TeamName>,
  labels: ReadonlyMap<string, CycleLabel>,
  pathNames: ReadonlyMap<string, string>,
): AppRow {
  const team = app.teamId ? teamById.get(app.teamId) : undefined;
  const teamName = team?.name || '';
  const cycle = app.cycleId ? labels.get(app.cycleId) : undefined;
  const label = cycle ? cycle.label : '';
  const searchParts = [
    app.name,
    teamName,
    app.description,
    app.externalId ?? '',
    app.system,
    app.lifecycle,
    APP_STAGE_LABELS[app.stage],
    label,
  ];
  // One pass gives the golden path names and the search text's last parts: flatMap's callback
  // and array per path, then spreading the names into the parts again, took a sixth of the time.
  const goldenPathNames: string[] = [];
  for (const id of app.goldenPathIds) {
    const name = pathNames.get(id) ?? null;
    if (name === null) continue;
    goldenPathNames.push(name);
    searchParts.push(name);
  }
  return {
    app,
    teamName,
    cycleLabel: label,
    cycleIndex: cycle ? cycle.index : null,
    helloWorldDays: timeToHelloWorldDays(app),
    goldenPathNames,
    nameRank,
    teamRank: teamName ? team!.rank : null,
    search: searchParts.join('\u0000').toLowerCase(),
  };
}

const stageRank = new Map<AppStage, number>(APP_STAGES.map((s, i) => [s, i]));

/** A number, or an ISO date (yyyy-MM-dd, whose plain order is its calendar order); null sorts last. */
type SortValue = string | number | null;

function sortValue(row: AppRow, key: SortKey): SortValue {
  switch (key) {
    case 'name':
      return row.nameRank;
    case 'team':
      return row.teamRank;
    case 'stage':
      return stageRank.get(row.app.stage) ?? 0;
    case 'cycle':
      return row.cycleIndex;
    case 'business':
      return row.app.businessScore;
    case 'technical':
      return row.app.technicalScore;
    case 'helloWorld':
      return row.helloWorldDays;
    case 'selectedOn':
      return row.app.selectedOn;
    case 'firstDeployOn':
      return row.app.firstDeployOn;
    case 'productionOn':
      return row.app.productionOn;
    case 'goldenPaths':
      return row.goldenPathNames.length;
  }
}

/** Whether a row passes the filters (text matches every word, in any field). */
export function matchesFilters(row: AppRow, filters: AppFilters, words = searchWords(filters.text)): boolean {
  const { app } = row;
  if (filters.stage && app.stage !== filters.stage) return false;
  if (filters.teamId) {
    if (filters.teamId === NONE ? app.teamId !== null : app.teamId !== filters.teamId) return false;
  }
  if (filters.cycleId) {
    if (filters.cycleId === NONE ? app.cycleId !== null : app.cycleId !== filters.cycleId) return false;
  }
  if (filters.reached) {
    const { step, after, onOrBefore } = filters.reached;
    const day = reachedOn(app, step);
    if (day === null || day > onOrBefore || (after !== null && day <= after)) return false;
  }
  for (const word of words) if (!row.search.includes(word)) return false;
  return true;
}

function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The rows that pass the filters, sorted. Empty values (no score, no date, no team) sort last
 * in both directions, so "highest business value first" never starts with unscored apps; ties
 * fall back to the name so the order is stable.
 */
export function filterAndSortApps(rows: readonly AppRow[], filters: AppFilters, sort: AppSort): AppRow[] {
  const words = searchWords(filters.text);
  const kept = rows.filter((row) => matchesFilters(row, filters, words));
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Decorate once: reading the key inside the comparator would repeat the switch n·log n times.
  // Names (and teams) compare by their rank in the collator's order, computed once per rows.
  const decorated = kept.map((row) => ({ row, value: sortValue(row, sort.key), name: row.nameRank }));
  decorated.sort((a, b) => {
    const x = a.value;
    const y = b.value;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return x < y ? -sign : sign;
    }
    return a.name - b.name || (a.row.app.id < b.row.app.id ? -1 : 1);
  });
  return decorated.map((d) => d.row);
}

/** True when any filter is set: the table then offers to clear them. */
export function hasFilters(filters: AppFilters): boolean {
  return Boolean(
    filters.text.trim() || filters.stage || filters.teamId || filters.cycleId || filters.reached,
  );
}
