/** Platform marketing activities: the scaling phase's first step. */
import { z } from 'zod';
import { baseRecordSchema, optionalText, requiredText, wholeNumber } from './common';
import { isoDateSchema } from './dates';
import { cycleContaining, type Cycle } from './program';

export const MARKETING_KINDS = [
  'newsletter',
  'demo-day',
  'office-hours',
  'cloud-party',
  'blueprint',
  'training',
  'other',
] as const;
export type MarketingKind = (typeof MARKETING_KINDS)[number];

export const marketingActivityInputSchema = z.object({
  date: isoDateSchema('Date'),
  kind: z.enum(MARKETING_KINDS, { error: 'Unknown kind of activity' }),
  title: requiredText('Title'),
  reach: wholeNumber('Reach', 0, 10_000_000).default(0),
  notes: optionalText('Notes'),
});
export type MarketingActivityInput = z.input<typeof marketingActivityInputSchema>;
export const marketingActivitySchema = baseRecordSchema.and(marketingActivityInputSchema);
export type MarketingActivity = z.infer<typeof marketingActivitySchema>;

/** The kinds as the screens name them. */
export const MARKETING_KIND_LABELS: Record<MarketingKind, string> = {
  newsletter: 'Newsletter',
  'demo-day': 'Demo day',
  'office-hours': 'Office hours',
  'cloud-party': 'Cloud party',
  blueprint: 'Blueprint',
  training: 'Training',
  other: 'Other',
};

type ActivityFacts = Pick<MarketingActivity, 'date' | 'kind' | 'reach'>;
type CycleFacts = Pick<Cycle, 'id' | 'index' | 'name' | 'startDate' | 'endDate'> &
  Partial<Pick<Cycle, 'status'>>;

/** The cycle an activity belongs to: the one whose dates hold its date; null before the program. */
export function activityCycleId(
  activity: Pick<MarketingActivity, 'date'>,
  cycles: readonly CycleFacts[],
): string | null {
  return cycleContaining(cycles, activity.date)?.id ?? null;
}

/** One cycle's marketing, beside the apps onboarded in the cycle after it. */
export interface MarketingCycleRow {
  cycleId: string;
  index: number;
  activities: number;
  /** People reached or attending, summed. */
  reach: number;
  byKind: Record<MarketingKind, number>;
  /** The next cycle, if one is planned. */
  nextCycleId: string | null;
  /**
   * Apps selected into the next cycle that reached the platform; null when there is no next
   * cycle or it has not started (nothing could have been onboarded in it yet).
   */
  nextOnPlatform: number | null;
  /** The next cycle is under way: its count is so far, not final. */
  nextUnderWay: boolean;
}

/**
 * Counts and reach per cycle (every cycle that has started, in time order, those without
 * activities at 0), each beside the apps onboarded in the following cycle (`onPlatform`: per
 * cycle id, the apps selected into it that are on the platform). Activities outside every cycle
 * count in none; so do those of a cycle not started yet (dated ahead).
 */
export function marketingByCycle(
  activities: readonly ActivityFacts[],
  cycles: readonly CycleFacts[],
  onPlatform: ReadonlyMap<string, number>,
): MarketingCycleRow[] {
  const ordered = [...cycles].sort((a, b) => a.index - b.index);
  const started = ordered.filter((c) => c.status !== 'planned');
  const rows = started.map((cycle): MarketingCycleRow => {
    const next = ordered[ordered.indexOf(cycle) + 1];
    const nextStarted = next !== undefined && next.status !== 'planned';
    return {
      cycleId: cycle.id,
      index: cycle.index,
      activities: 0,
      reach: 0,
      byKind: Object.fromEntries(MARKETING_KINDS.map((k) => [k, 0])) as Record<MarketingKind, number>,
      nextCycleId: next?.id ?? null,
      nextOnPlatform: next && nextStarted ? (onPlatform.get(next.id) ?? 0) : null,
      nextUnderWay: next?.status === 'active',
    };
  });
  const byId = new Map(rows.map((r) => [r.cycleId, r]));
  for (const a of activities) {
    const id = activityCycleId(a, ordered);
    const row = id === null ? undefined : byId.get(id);
    if (!row) continue;
    row.activities += 1;
    row.reach += a.reach;
    row.byKind[a.kind] += 1;
  }
  return rows;
}

/**
 * The one line the per-cycle chart reads: how reach moved from the first cycle with marketing to
 * the last, and the apps onboarded in the cycle after each.
 */
export function marketingReading(
  rows: readonly MarketingCycleRow[],
  label: (index: number) => string,
): string {
  const active = rows.filter((r) => r.activities > 0);
  const first = active[0];
  const last = active.at(-1);
  if (!first || !last) return 'No marketing activity falls in a cycle yet.';
  const total = active.reduce((sum, r) => sum + r.activities, 0);
  const reach = (n: number) => n.toLocaleString('en-US');
  const span =
    first === last
      ? `${reach(last.reach)} people reached by ${last.activities} ${last.activities === 1 ? 'activity' : 'activities'} in ${label(last.index)}`
      : `Reach went from ${reach(first.reach)} in ${label(first.index)} to ${reach(last.reach)} in ${label(last.index)}, over ${total} activities`;
  const followed = active.filter((r) => r.nextOnPlatform !== null && !r.nextUnderWay);
  if (followed.length === 0) return `${span}.`;
  const apps = followed.reduce((sum, r) => sum + (r.nextOnPlatform ?? 0), 0);
  return `${span}; ${apps} ${apps === 1 ? 'app' : 'apps'} reached the platform in the closed cycles that followed.`;
}

export interface ActivityFilter {
  kind: MarketingKind | '';
  /** A cycle id; '' for every cycle, 'none' for activities outside every cycle (before the program, or after its last planned cycle). */
  cycleId: string;
  /** Words that the title or notes must hold, case-insensitive. */
  text: string;
}

export const NO_ACTIVITY_FILTER: ActivityFilter = { kind: '', cycleId: '', text: '' };

/** The activities the filter keeps, newest first (then by title). */
export function filterActivities<A extends Pick<MarketingActivity, 'date' | 'kind' | 'title' | 'notes'>>(
  activities: readonly A[],
  filter: ActivityFilter,
  cycles: readonly CycleFacts[],
): A[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return activities
    .filter((a) => {
      if (filter.kind && a.kind !== filter.kind) return false;
      if (filter.cycleId) {
        const id = activityCycleId(a, cycles);
        if (filter.cycleId === 'none' ? id !== null : id !== filter.cycleId) return false;
      }
      if (words.length > 0) {
        const hay = `${a.title}\n${a.notes}`.toLowerCase();
        if (!words.every((w) => hay.includes(w))) return false;
      }
      return true;
    })
    .sort((a, b) => (a.date === b.date ? a.title.localeCompare(b.title) : a.date < b.date ? 1 : -1));
}
