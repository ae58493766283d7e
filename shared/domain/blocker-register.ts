/**
 * The register's rows: each blocker with the names it links to and its days (open so far, or
 * taken to resolve), sorted by any column. Pure, so the register, its CSV export (which exports
 * exactly the rows shown, in their order) and the benchmark share one implementation.
 */
import { collator } from './app-table';
import { daysOpen, timeToResolveDays } from './blocker-stats';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_CATEGORY_IDS,
  BLOCKER_SEVERITIES,
  BLOCKER_STATUSES,
  type Blocker,
} from './blockers';
import type { IsoDate } from './dates';

export interface RegisterRow {
  blocker: Blocker;
  categoryLabel: string;
  /** Days open so far (unresolved), or days it took (resolved). */
  days: number | null;
  ownerName: string;
  appName: string;
  teamName: string;
  cycleName: string;
}

/** Names by id, for each kind of record a blocker links to. */
export interface RegisterNames {
  people: ReadonlyMap<string, string>;
  apps: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  cycles: ReadonlyMap<string, string>;
}

export function buildRegisterRows(
  blockers: readonly Blocker[],
  names: RegisterNames,
  today: IsoDate,
): RegisterRow[] {
  const name = (map: ReadonlyMap<string, string>, id: string | null) => (id ? (map.get(id) ?? '') : '');
  return blockers.map((blocker) => ({
    blocker,
    categoryLabel: BLOCKER_CATEGORIES[blocker.category].label,
    days: blocker.status === 'resolved' ? timeToResolveDays(blocker) : daysOpen(blocker, today),
    ownerName: name(names.people, blocker.ownerId),
    appName: name(names.apps, blocker.appId),
    teamName: name(names.teams, blocker.teamId),
    cycleName: name(names.cycles, blocker.cycleId),
  }));
}

export const REGISTER_SORT_KEYS = [
  'title',
  'category',
  'severity',
  'status',
  'openedOn',
  'days',
  'owner',
  'app',
] as const;
export type RegisterSortKey = (typeof REGISTER_SORT_KEYS)[number];
export interface RegisterSort {
  key: RegisterSortKey;
  direction: 'asc' | 'desc';
}

/** Newest first: what was just logged is on top. */
export const DEFAULT_REGISTER_SORT: RegisterSort = { key: 'openedOn', direction: 'desc' };

/** The direction a column sorts in when first chosen: severity, days and dates biggest first. */
export function firstDirection(key: RegisterSortKey): 'asc' | 'desc' {
  return key === 'severity' || key === 'days' || key === 'openedOn' ? 'desc' : 'asc';
}

const ORDER = {
  category: new Map(BLOCKER_CATEGORY_IDS.map((c, i) => [c, i])),
  severity: new Map(BLOCKER_SEVERITIES.map((s, i) => [s, i])),
  status: new Map(BLOCKER_STATUSES.map((s, i) => [s, i])),
};

function compareText(a: string, b: string): number {
  // Empty names (no owner, no app) go last in either direction.
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return collator.compare(a, b);
}

/**
 * The rows in the order of `sort`; ties by opened date (newest first), then title. Blockers
 * without a value in the column (no owner, no app, no days) come last whichever way.
 */
export function sortRegisterRows(rows: readonly RegisterRow[], sort: RegisterSort): RegisterRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const by = (a: RegisterRow, b: RegisterRow): number => {
    switch (sort.key) {
      case 'title':
        return sign * collator.compare(a.blocker.title, b.blocker.title);
      case 'category':
        return (
          sign *
          (ORDER.category.get(a.blocker.category)! - ORDER.category.get(b.blocker.category)! ||
            collator.compare(a.blocker.subCategory, b.blocker.subCategory))
        );
      case 'severity':
        return sign * (ORDER.severity.get(a.blocker.severity)! - ORDER.severity.get(b.blocker.severity)!);
      case 'status':
        return sign * (ORDER.status.get(a.blocker.status)! - ORDER.status.get(b.blocker.status)!);
      case 'openedOn':
        return (
          sign *
          (a.blocker.openedOn < b.blocker.openedOn ? -1 : a.blocker.openedOn > b.blocker.openedOn ? 1 : 0)
        );
      case 'days':
        if (a.days === null || b.days === null) return a.days === null ? (b.days === null ? 0 : 1) : -1;
        return sign * (a.days - b.days);
      case 'owner': {
        const c = compareText(a.ownerName, b.ownerName);
        return a.ownerName && b.ownerName ? sign * c : c;
      }
      case 'app': {
        const c = compareText(a.appName, b.appName);
        return a.appName && b.appName ? sign * c : c;
      }
    }
  };
  return [...rows].sort(
    (a, b) =>
      by(a, b) ||
      (a.blocker.openedOn < b.blocker.openedOn ? 1 : a.blocker.openedOn > b.blocker.openedOn ? -1 : 0) ||
      collator.compare(a.blocker.title, b.blocker.title),
  );
}
