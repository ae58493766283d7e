/**
 * The data every Apps view reads, loaded once for the whole area and kept (db/kept-query.ts):
 * switching between the table, the board and the matrix, or to another area and back, does not
 * reload 20,000 apps, and any write (here or in another window's transaction) refreshes every view.
 */
import { useMemo, useState } from 'react';
import type { App, Criterion, Cycle, GoldenPath, Team } from '../../../../shared/domain';
import type { AdoptionDatabase } from '../../../db/database';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';

export interface AppsData {
  apps: App[];
  teams: Team[];
  /** In time order (by index). */
  cycles: Cycle[];
  goldenPaths: GoldenPath[];
  /** In the owner's order. */
  criteria: Criterion[];
}

const useApps = keptQuery((db) => db.apps.toArray());
const useTeams = keptQuery((db) => db.teams.orderBy('name').toArray());
const useCycles = keptQuery((db) => db.cycles.orderBy('index').toArray());
const useGoldenPaths = keptQuery((db) => db.goldenPaths.orderBy('name').toArray());
const useCriteria = keptQuery((db) => db.criteria.orderBy('order').toArray());

/**
 * Starts reading the Apps area's data (kept, db/kept-query.ts) without waiting for a screen to
 * subscribe; a screen that mounts then draws at once, or waits only for the rest of the read.
 *
 * Not read ahead from other screens: at scale the apps are a second of IndexedDB's time and a
 * 150–380 ms task when they land, and a kept read re-runs on every write to the apps, so a user
 * on Plan who never opens Apps would pay for it (measured 4 Dec at x1).
 */
function warmAppsData(db: AdoptionDatabase): void {
  for (const query of [useApps, useTeams, useCycles, useGoldenPaths, useCriteria]) query.warm(db);
}

/** The Apps area's data, or undefined while the first read is under way. */
export function useAppsData(): AppsData | undefined {
  const db = useDatabase();
  // Started in the first render, not when the screen is committed: the area's code arriving
  // after its Suspense fallback is committed up to 300 ms later (React's throttled reveal), and
  // the reads would only start then.
  useState(() => warmAppsData(db));
  const apps = useApps(db);
  const teams = useTeams(db);
  const cycles = useCycles(db);
  const goldenPaths = useGoldenPaths(db);
  const criteria = useCriteria(db);
  return useMemo(
    () =>
      apps && teams && cycles && goldenPaths && criteria
        ? { apps, teams, cycles, goldenPaths, criteria }
        : undefined,
    [apps, teams, cycles, goldenPaths, criteria],
  );
}

/** The apps selected into one cycle (any stage), or undefined while the first read is under way. */
export function useCycleApps(cycleId: string): App[] | undefined {
  return cycleAppsQuery(cycleId)(useDatabase());
}

/**
 * One kept query per cycle (db/kept-query.ts): Plan opened again draws the selected cycle's apps
 * in its first render instead of reading them once more. Every one is the same hook (the same
 * calls), so switching cycles keeps React's hook order.
 */
const cycleAppsQueries = new Map<string, ReturnType<typeof keptQuery<App[]>>>();
function cycleAppsQuery(cycleId: string) {
  let query = cycleAppsQueries.get(cycleId);
  if (!query) {
    query = keptQuery((db) => db.apps.where('cycleId').equals(cycleId).toArray());
    cycleAppsQueries.set(cycleId, query);
  }
  return query;
}
