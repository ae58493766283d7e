/**
 * What the Blockers and Pairing areas put on the leadership overview, as pure functions: the
 * days a series counts on for a scope (each bucket's last day, the running one cut at "as of"),
 * open blockers per category at those days (blocker-stats' openPerCategoryOver, one pass over
 * the status changes), and pairing hours per cycle up to a day.
 */
import { bucketLastDay, downsample, MAX_CHART_POINTS, type Bucket } from './adoption';
import { openPerCategoryOver, type OpenPoint } from './blocker-stats';
import type { Blocker } from './blockers';
import { minIsoDate, type IsoDate } from './dates';
import type { PairingSession } from './people';

/** A bucket of an overview series with the day it is counted on. */
export interface ScopePoint {
  bucket: Bucket;
  /** The bucket's last day, or "as of" for the bucket it falls in. */
  on: IsoDate;
}

/**
 * The days a series counts on: the last day of each bucket that has started by `asOf` (the
 * bucket `asOf` falls in is counted on `asOf` itself: nothing after it is known), thinned to at
 * most `max` points, first and last kept.
 */
export function pointsAsOf(
  buckets: readonly Bucket[],
  asOf: IsoDate,
  max: number = MAX_CHART_POINTS,
): ScopePoint[] {
  const points = buckets
    .filter((b) => b.start <= asOf)
    .map((bucket) => ({ bucket, on: minIsoDate(bucketLastDay(bucket), asOf) }));
  return downsample(points, max);
}

/**
 * Unresolved blockers per category at the end of each point's day, as known on `asOf` (status
 * changes after it are not counted, since no point lies after it).
 */
export function openBlockersAtPoints(
  blockers: readonly Pick<Blocker, 'category' | 'statusHistory'>[],
  points: readonly ScopePoint[],
): (OpenPoint & { bucket: Bucket })[] {
  const series = openPerCategoryOver(
    blockers,
    points.map((p) => p.on),
  );
  return series.map((p, i) => ({ ...p, bucket: points[i]!.bucket }));
}

export interface CycleHours {
  cycleId: string;
  sessions: number;
  minutes: number;
}

/**
 * Pairing per cycle, in the order of `cycleIds` (every one, 0 when it has no session): the
 * sessions dated on or before `asOf`, of `teamId` when given. Sessions of other cycles, or of
 * none, are left out.
 */
export function hoursPerCycle(
  sessions: readonly Pick<PairingSession, 'cycleId' | 'teamId' | 'date' | 'durationMinutes'>[],
  cycleIds: readonly string[],
  asOf: IsoDate,
  teamId: string | null = null,
): CycleHours[] {
  const rows = new Map(cycleIds.map((cycleId) => [cycleId, { cycleId, sessions: 0, minutes: 0 }]));
  for (const s of sessions) {
    if (s.date > asOf || (teamId !== null && s.teamId !== teamId) || s.cycleId === null) continue;
    const row = rows.get(s.cycleId);
    if (!row) continue;
    row.sessions++;
    row.minutes += s.durationMinutes;
  }
  return [...rows.values()];
}
