/**
 * The register's filters: what they are, how they read from and write to a route's query
 * (`#/blockers/register?category=people-culture&severity=high`), which database index serves
 * them best, and whether a blocker matches. Every count on the Blockers views opens the register
 * with the filters that select exactly the blockers it counts, so the rules are the same ones
 * the counts use (blocker-stats.ts).
 */
import { NONE } from './app-table';
import {
  AGE_BUCKETS,
  ageBucketOf,
  daysOpen,
  isOpenOn,
  isUnresolved,
  type AgeBucketId,
} from './blocker-stats';
import {
  BLOCKER_CATEGORY_IDS,
  BLOCKER_SEVERITIES,
  BLOCKER_STATUSES,
  type Blocker,
  type BlockerCategory,
  type BlockerSeverity,
  type BlockerStatus,
} from './blockers';
import { isIsoDate, type IsoDate } from './dates';

export { NONE } from './app-table';

/** A status, or "unresolved" (open or mitigating). */
export type StatusFilter = BlockerStatus | 'unresolved';

export interface BlockerFilters {
  category: BlockerCategory | '';
  subCategory: string;
  severity: BlockerSeverity | '';
  status: StatusFilter | '';
  /** A record's id, NONE for "none", or '' for any. */
  cycleId: string;
  teamId: string;
  appId: string;
  ownerId: string;
  /** Words that must all appear in the title, sub-category, notes or mitigation. */
  text: string;
  /** Unresolved at the end of this day (a point of the trend). */
  openOn: IsoDate | '';
  /** Unresolved now and open this long (a bar of the ageing chart). */
  age: AgeBucketId | '';
  /** Opened within a range of days, `from..to` (both included; either may be left out). */
  opened: string;
  /** Resolved now, on a day within a range, `from..to` as above. */
  resolved: string;
}

export const EMPTY_BLOCKER_FILTERS: BlockerFilters = {
  category: '',
  subCategory: '',
  severity: '',
  status: '',
  cycleId: '',
  teamId: '',
  appId: '',
  ownerId: '',
  text: '',
  openOn: '',
  age: '',
  opened: '',
  resolved: '',
};

/** The query names, in the order a query string lists them. */
const KEYS: readonly (keyof BlockerFilters)[] = [
  'category',
  'subCategory',
  'severity',
  'status',
  'cycleId',
  'teamId',
  'appId',
  'ownerId',
  'text',
  'openOn',
  'age',
  'opened',
  'resolved',
];

const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|__none__)$/i;
const STATUS_FILTERS: readonly string[] = [...BLOCKER_STATUSES, 'unresolved'];
const AGE_IDS: readonly string[] = AGE_BUCKETS.map((b) => b.id);

/** Whether a query value may stand for the filter; anything else is ignored, never half-applied. */
function accepts(key: keyof BlockerFilters, value: string): boolean {
  switch (key) {
    case 'category':
      return (BLOCKER_CATEGORY_IDS as readonly string[]).includes(value);
    case 'severity':
      return (BLOCKER_SEVERITIES as readonly string[]).includes(value);
    case 'status':
      return STATUS_FILTERS.includes(value);
    case 'cycleId':
    case 'teamId':
    case 'appId':
    case 'ownerId':
      return ID.test(value);
    case 'openOn':
      return isIsoDate(value);
    case 'age':
      return AGE_IDS.includes(value);
    case 'opened':
    case 'resolved':
      return parseRange(value) !== null;
    case 'subCategory':
    case 'text':
      return value.length <= 200;
  }
}

/** A range of days `from..to` (both included, either may be empty) as its two ends; null when it is not one. */
export function parseRange(value: string): { from: IsoDate | null; to: IsoDate | null } | null {
  const m = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(value);
  if (!m || value === '..') return null;
  const [, from = null, to = null] = m;
  if ((from && !isIsoDate(from)) || (to && !isIsoDate(to)) || (from && to && to < from)) return null;
  return { from, to };
}

/** A range of days as a filter writes it: `rangeOf('2026-01-01', '2026-03-31')` is `2026-01-01..2026-03-31`. */
export function rangeOf(from: IsoDate | null, to: IsoDate | null): string {
  return `${from ?? ''}..${to ?? ''}`;
}

function inRange(day: IsoDate | null, range: { from: IsoDate | null; to: IsoDate | null } | null): boolean {
  if (!range) return true;
  return day !== null && (range.from === null || day >= range.from) && (range.to === null || day <= range.to);
}

/** The filters a route's query names (`category=…&status=…`); unknown names and values are ignored. */
export function filtersFromQuery(query: string): BlockerFilters {
  const params = new URLSearchParams(query);
  const out: BlockerFilters = { ...EMPTY_BLOCKER_FILTERS };
  for (const key of KEYS) {
    const value = params.get(key)?.trim() ?? '';
    if (value && accepts(key, value)) (out as unknown as Record<string, string>)[key] = value;
  }
  return out;
}

/** The query for some filters: only those set, in a fixed order (`''` for none). */
export function queryOfFilters(filters: Partial<BlockerFilters>): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function hasBlockerFilters(filters: BlockerFilters): boolean {
  return KEYS.some((key) => filters[key] !== '');
}

function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

function linkMatches(value: string | null, wanted: string): boolean {
  if (wanted === '') return true;
  if (wanted === NONE) return value === null;
  return value === wanted;
}

/**
 * Each blocker's searchable text, lowercased, kept while the blocker object lives: typing in the
 * search tests every blocker on each key, and building the text anew each time was most of it.
 * A record read again is a new object, so an edited blocker never matches on its old words.
 */
const searchTexts = new WeakMap<object, string>();

function searchTextOf(b: Pick<Blocker, 'title' | 'subCategory' | 'notes' | 'mitigation'>): string {
  let text = searchTexts.get(b);
  if (text === undefined) {
    text = `${b.title} ${b.subCategory} ${b.notes} ${b.mitigation}`.toLowerCase();
    searchTexts.set(b, text);
  }
  return text;
}

/** A function that says whether a blocker passes every filter; `today` dates the ageing. */
export function blockerMatcher(filters: BlockerFilters, today: IsoDate): (blocker: Blocker) => boolean {
  const words = searchWords(filters.text);
  const { status, openOn, age } = filters;
  const opened = filters.opened ? parseRange(filters.opened) : null;
  const resolved = filters.resolved ? parseRange(filters.resolved) : null;
  return (b) => {
    if (filters.category && b.category !== filters.category) return false;
    if (filters.subCategory && b.subCategory !== filters.subCategory) return false;
    if (filters.severity && b.severity !== filters.severity) return false;
    if (status === 'unresolved' ? !isUnresolved(b.status) : status !== '' && b.status !== status)
      return false;
    if (!linkMatches(b.cycleId, filters.cycleId)) return false;
    if (!linkMatches(b.teamId, filters.teamId)) return false;
    if (!linkMatches(b.appId, filters.appId)) return false;
    if (!linkMatches(b.ownerId, filters.ownerId)) return false;
    if (openOn && !isOpenOn(b, openOn)) return false;
    if (!inRange(b.openedOn, opened)) return false;
    if (resolved && (b.status !== 'resolved' || !inRange(b.resolvedOn, resolved))) return false;
    if (age) {
      const days = daysOpen(b, today);
      if (days === null || ageBucketOf(days).id !== age) return false;
    }
    if (words.length) {
      const text = searchTextOf(b);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  };
}

/** The indexed fields of the blockers table a filter can be read through. */
export type BlockerIndex =
  'appId' | 'ownerId' | 'cycleId' | 'teamId' | 'openedOn' | 'resolvedOn' | 'category' | 'status' | 'severity';

/** How to read through an index: any of some values, or a range of days (both ends included). */
export type IndexRead =
  { index: BlockerIndex; anyOf: string[] } | { index: BlockerIndex; between: [IsoDate, IsoDate] };

/** Lowest and highest keys a range of days may leave open. */
const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

/**
 * The index to read the blockers through, and what to read: the filter likely to select the
 * fewest blockers first (one app's, one owner's, a range of days… before a status's). None when
 * no filter has an index (or only "none" links, which IndexedDB does not index): read them all.
 */
export function indexForFilters(filters: BlockerFilters): IndexRead | null {
  for (const index of ['appId', 'ownerId', 'cycleId', 'teamId'] as const) {
    const value = filters[index];
    if (value && value !== NONE) return { index, anyOf: [value] };
  }
  for (const [field, index] of [
    ['resolved', 'resolvedOn'],
    ['opened', 'openedOn'],
  ] as const) {
    const range = filters[field] ? parseRange(filters[field]) : null;
    if (range) return { index, between: [range.from ?? FIRST_DAY, range.to ?? LAST_DAY] };
  }
  if (filters.category) return { index: 'category', anyOf: [filters.category] };
  if (filters.status === 'unresolved' || filters.age)
    return { index: 'status', anyOf: ['open', 'mitigating'] };
  if (filters.status) return { index: 'status', anyOf: [filters.status] };
  if (filters.severity) return { index: 'severity', anyOf: [filters.severity] };
  return null;
}
