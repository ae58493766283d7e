/**
 * The seeding capacity forecast: "repeat, growing the number of apps as pairing & seeding
 * allows". From the people who can seed others at a cycle's start, it projects per cycle how
 * many seeders there are, how many apps they onboard and the cumulative apps on the platform,
 * and answers when the target is reached — or that it is not within the horizon — naming what
 * limits the growth: the seeders, the ceiling per cycle, or the eligible population.
 *
 * The model, cycle by cycle (k = 0 is the first forecast cycle):
 *
 * 1. **Leavers, then joiners.** From the second cycle on, a share `attritionPerCycle` of
 *    everyone seeded so far leaves at the cycle's start — seeders and people still in their lag
 *    alike (a person does not stay longer because they learn slower). Then the people seeded
 *    during cycle k − `lagCycles` become seeders.
 * 2. **Capacity.** A seeder placed with a new team spends the share `trainingShare` of the cycle
 *    training its people; the rest goes to onboarding the app. S seeders therefore do the
 *    onboarding work of S × (1 − trainingShare) people, and an app takes `peoplePerApp` of them
 *    for the cycle: capacity = ⌊S × (1 − trainingShare) ÷ peoplePerApp⌋ apps.
 * 3. **Apps onboarded** = the least of the capacity, the ceiling per cycle, and the eligible apps
 *    not yet on the platform. Whichever is least is the cycle's limiting factor (on a tie the
 *    hard limit is named: population, then ceiling, then seeders — more seeders would not help).
 * 4. **Seeding.** Each of the `peoplePerApp` people placed with an app leaves one person of the
 *    new team able to seed others `lagCycles` cycles later (seeding is one to one): apps ×
 *    peoplePerApp people join the pipeline.
 *
 * Seeders are counted as real numbers (attrition takes shares of people); apps are whole.
 * Everything is deterministic: the same input gives the same forecast.
 */
import { z } from 'zod';
import { wholeNumber } from './common';
import { cycleEndDate, isoDateSchema, nextCycleStart, type IsoDate } from './dates';

/** What can limit the apps onboarded in a cycle. */
export const LIMITING_FACTORS = ['seeders', 'ceiling', 'population'] as const;
export type LimitingFactor = (typeof LIMITING_FACTORS)[number];

/** How each limiting factor is named to the owner. */
export const LIMITING_FACTOR_LABELS: Record<LimitingFactor, string> = {
  seeders: 'the people able to seed',
  ceiling: 'the ceiling per cycle',
  population: 'the eligible app population',
};

/** The longest forecast, in cycles (fifty years of quarters). */
export const MAX_HORIZON_CYCLES = 200;

/** Guards the floor of capacity against binary fractions (2.9999999 seeders' worth is 3). */
const EPSILON = 1e-9;

const share = (label: string, max: number, maxMessage: string) =>
  z
    .number({ error: `${label} must be a number` })
    .refine((v) => Number.isFinite(v), `${label} must be a number`)
    .refine((v) => v >= 0, `${label} cannot be negative`)
    .refine((v) => v <= max, maxMessage);

const positive = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .refine((v) => Number.isFinite(v), `${label} must be a number`)
    .refine((v) => v > 0, `${label} must be more than 0`)
    .refine((v) => v <= max, `${label} must be at most ${max}`);

/** The forecast's inputs, checked where they enter (the what-if form), messages naming the field. */
export const capacityForecastInputSchema = z.object({
  /** People able to seed others at the start of the first forecast cycle. */
  seeders: share('Seeders', 1_000_000, 'Seeders must be at most 1,000,000'),
  /** People (seeders) a new app needs for one cycle to be onboarded. */
  peoplePerApp: positive('People per app', 1000),
  /** Cycles after the one in which a person is seeded before they can seed others (1 = the next cycle). */
  lagCycles: wholeNumber('Lag', 1, 100),
  /** The share (0–1) of a seeder's time that training the new team's people costs. */
  trainingShare: share('Training share', 0.95, 'Training share must be at most 95%'),
  /** The share (0–1) of seeded people who leave or stop seeding each cycle. */
  attritionPerCycle: share('Attrition', 1, 'Attrition must be at most 100%'),
  /** The most apps the program can onboard in one cycle (platform team, budget); null for none. */
  ceilingPerCycle: wholeNumber('Ceiling per cycle', 0, 1_000_000).nullable(),
  /** The eligible app population: the forecast never onboards more. */
  eligibleApps: wholeNumber('Eligible app population', 0, 1_000_000),
  /** Apps on the platform the owner aims for. */
  targetApps: wholeNumber('Target apps', 0, 1_000_000),
  /** Apps already on the platform before the first forecast cycle. */
  startApps: wholeNumber('Apps on the platform', 0, 1_000_000),
  /** The program's index of the first forecast cycle (labels the output). */
  firstCycleIndex: wholeNumber('First cycle', 0, 1000),
  /** The first forecast cycle's start date. */
  startDate: isoDateSchema('Start date'),
  cycleLengthMonths: wholeNumber('Cycle length', 1, 12),
  /** How many cycles to forecast. */
  horizonCycles: wholeNumber('Horizon', 1, MAX_HORIZON_CYCLES),
});
export type CapacityForecastInput = z.output<typeof capacityForecastInputSchema>;

/** One forecast cycle. */
export interface ForecastCycle {
  /** The program's cycle index. */
  index: number;
  startDate: IsoDate;
  endDate: IsoDate;
  /** People able to seed at the cycle's start, after leavers and joiners (not rounded). */
  seeders: number;
  /** People seeded who are still in their lag at the cycle's start (not rounded). */
  inTraining: number;
  /** Apps the seeders could onboard this cycle, before the ceiling and the population. */
  capacity: number;
  /** Apps onboarded this cycle. */
  apps: number;
  /** Apps on the platform at the cycle's end. */
  cumulative: number;
  /** What held this cycle's apps down. */
  limitedBy: LimitingFactor;
}

/** Whether and when the target is reached. */
export type ForecastOutcome =
  /** The apps already on the platform meet the target. */
  | { status: 'already' }
  /** Reached at the end of cycle `index`, on `date`, after `cycles` forecast cycles. */
  | { status: 'reached'; index: number; date: IsoDate; cycles: number }
  /** Not reached by the horizon's end (`date`), with `apps` on the platform by then. */
  | { status: 'not-reached'; date: IsoDate; apps: number };

export interface CapacityForecast {
  cycles: ForecastCycle[];
  outcome: ForecastOutcome;
  /**
   * What limits reaching the target: the population when the target exceeds it; otherwise the
   * factor that held back the most cycles up to the one that reaches it (or to the horizon), a
   * tie going to the one that held back the later cycle. Null when the target is already met.
   */
  limitedBy: LimitingFactor | null;
}

/** The factor that bounds a cycle, given its three bounds (ties go to the hard limit). */
function bindingFactor(capacity: number, ceiling: number, remaining: number): LimitingFactor {
  if (remaining <= capacity && remaining <= ceiling) return 'population';
  if (ceiling <= capacity) return 'ceiling';
  return 'seeders';
}

/**
 * Projects apps per cycle from the people who can seed (see the module comment for the model).
 * The input is taken as valid (parse it with capacityForecastInputSchema where it enters).
 */
export function forecastCapacity(input: CapacityForecastInput): CapacityForecast {
  const {
    peoplePerApp,
    lagCycles,
    trainingShare,
    attritionPerCycle,
    ceilingPerCycle,
    eligibleApps,
    startApps,
    firstCycleIndex,
    cycleLengthMonths,
    horizonCycles,
  } = input;
  const stay = 1 - attritionPerCycle;
  const ceiling = ceilingPerCycle ?? Number.POSITIVE_INFINITY;
  // seeded[j]: people seeded during forecast cycle j who are still here and not yet seeders;
  // they become seeders at the start of cycle j + lagCycles.
  const seeded: number[] = [];
  let seeders = input.seeders;
  let cumulative = startApps;
  let startDate = input.startDate;
  const cycles: ForecastCycle[] = [];
  for (let k = 0; k < horizonCycles; k++) {
    let inTraining = 0;
    if (k > 0) {
      seeders *= stay;
      for (let j = Math.max(0, k - lagCycles); j < k; j++) seeded[j]! *= stay;
      if (k >= lagCycles) {
        seeders += seeded[k - lagCycles]!;
        seeded[k - lagCycles] = 0;
      }
      for (let j = Math.max(0, k - lagCycles + 1); j < k; j++) inTraining += seeded[j]!;
    }
    const capacity = Math.floor((seeders * (1 - trainingShare)) / peoplePerApp + EPSILON);
    const remaining = Math.max(0, eligibleApps - cumulative);
    const apps = Math.max(0, Math.min(capacity, ceiling, remaining));
    cumulative += apps;
    seeded[k] = apps * peoplePerApp;
    const endDate = cycleEndDate(startDate, cycleLengthMonths);
    cycles.push({
      index: firstCycleIndex + k,
      startDate,
      endDate,
      seeders,
      inTraining,
      capacity,
      apps,
      cumulative,
      limitedBy: bindingFactor(capacity, ceiling, remaining),
    });
    startDate = nextCycleStart(endDate);
  }
  return { cycles, ...outcomeOf(cycles, input) };
}

function outcomeOf(
  cycles: readonly ForecastCycle[],
  { targetApps, startApps, eligibleApps, startDate }: CapacityForecastInput,
): Pick<CapacityForecast, 'outcome' | 'limitedBy'> {
  if (startApps >= targetApps) return { outcome: { status: 'already' }, limitedBy: null };
  const reachedAt = cycles.findIndex((c) => c.cumulative >= targetApps);
  const considered = reachedAt >= 0 ? cycles.slice(0, reachedAt + 1) : cycles;
  const last = cycles.at(-1);
  const outcome: ForecastOutcome =
    reachedAt >= 0
      ? {
          status: 'reached',
          index: cycles[reachedAt]!.index,
          date: cycles[reachedAt]!.endDate,
          cycles: reachedAt + 1,
        }
      : { status: 'not-reached', date: last?.endDate ?? startDate, apps: last?.cumulative ?? startApps };
  if (targetApps > eligibleApps) return { outcome, limitedBy: 'population' };
  return { outcome, limitedBy: mostFrequentFactor(considered) };
}

/** The factor that bound the most cycles; a tie goes to the one that bound the later cycle. */
function mostFrequentFactor(cycles: readonly ForecastCycle[]): LimitingFactor {
  const counts = new Map<LimitingFactor, { n: number; last: number }>();
  cycles.forEach((c, i) => {
    const entry = counts.get(c.limitedBy) ?? { n: 0, last: -1 };
    entry.n += 1;
    entry.last = i;
    counts.set(c.limitedBy, entry);
  });
  let best: LimitingFactor = 'seeders';
  let bestEntry = { n: -1, last: -1 };
  for (const [factor, entry] of counts) {
    if (entry.n > bestEntry.n || (entry.n === bestEntry.n && entry.last > bestEntry.last)) {
      best = factor;
      bestEntry = entry;
    }
  }
  return best;
}

/** The defaults that do not come from the program's history. */
export const CAPACITY_DEFAULTS = {
  /** Two people per app: a seeder and a pairing partner, as the playbook places them. */
  peoplePerApp: 2,
  /** Developers seed others two cycles after their team was seeded. */
  lagCycles: 2,
  trainingShare: 0.25,
  attritionPerCycle: 0.05,
  ceilingPerCycle: null,
  horizonCycles: 20,
} as const;

/** What the history-derived defaults are based on, to show beside them. */
export interface CapacityHistoryBasis {
  /** Closed cycles that brought at least one app to the platform. */
  cycles: number;
  /** People placed (pairing or seeding), summed over those cycles: one per person per cycle. */
  placements: number;
  /** Apps of those cycles on the platform. */
  apps: number;
  /** How many people's lag (their team's first seeding → their own first placement) was seen. */
  lagSamples: number;
}

export interface CapacityDefaults {
  /** People able to seed today. */
  seeders: number;
  /** People placed per app brought to the platform, in closed cycles; the constant when there are none. */
  peoplePerApp: number;
  /** Apps per placed person per cycle (1 ÷ peoplePerApp), as the owner reads it. */
  appsPerSeeder: number;
  /** The median cycles from a team's first seeding to its people's own first placement. */
  lagCycles: number;
  basis: CapacityHistoryBasis;
}

export interface CapacityHistory {
  /** Everyone; a person who left (`leftOn` set) no longer seeds. */
  people: readonly { id: string; teamId: string | null; canSeed: boolean; leftOn?: string | null }[];
  assignments: readonly {
    kind: 'pairing' | 'seeding';
    personId: string;
    targetTeamId: string | null;
    cycleId: string | null;
  }[];
  cycles: readonly { id: string; index: number; status: 'planned' | 'active' | 'closed' }[];
  /** Per cycle id: the apps selected into it that are on the platform. */
  onPlatformByCycle: ReadonlyMap<string, number>;
}

/**
 * The forecast's defaults from the program's own history: the people who can seed today; the
 * people placed per app so far (distinct people with an assignment in each closed cycle that
 * brought apps to the platform, over those apps: "apps per seeder so far" turned over); and the
 * lag, the median number of cycles between a team's first seeding and the first placement of
 * one of its own people. Falls back to CAPACITY_DEFAULTS where the history says nothing.
 */
export function capacityDefaultsFromHistory(history: CapacityHistory): CapacityDefaults {
  const seeders = history.people.reduce((n, p) => n + (p.canSeed && !p.leftOn ? 1 : 0), 0);
  const cycleIndex = new Map(history.cycles.map((c) => [c.id, c.index]));
  const closed = new Set(history.cycles.filter((c) => c.status === 'closed').map((c) => c.id));

  const placedByCycle = new Map<string, Set<string>>();
  for (const a of history.assignments) {
    if (a.cycleId === null || !closed.has(a.cycleId)) continue;
    let placed = placedByCycle.get(a.cycleId);
    if (!placed) placedByCycle.set(a.cycleId, (placed = new Set()));
    placed.add(a.personId);
  }
  let placements = 0;
  let apps = 0;
  let cycles = 0;
  for (const id of closed) {
    const onPlatform = history.onPlatformByCycle.get(id) ?? 0;
    if (onPlatform <= 0) continue;
    cycles += 1;
    apps += onPlatform;
    placements += placedByCycle.get(id)?.size ?? 0;
  }
  const peoplePerApp =
    apps > 0 && placements > 0
      ? Math.max(0.1, Math.round((placements / apps) * 10) / 10)
      : CAPACITY_DEFAULTS.peoplePerApp;

  const lags = seedingLags(history, cycleIndex);
  const lagCycles = lags.length > 0 ? Math.max(1, Math.round(medianOf(lags))) : CAPACITY_DEFAULTS.lagCycles;
  return {
    seeders,
    peoplePerApp,
    appsPerSeeder: Math.round((1 / peoplePerApp) * 100) / 100,
    lagCycles,
    basis: { cycles, placements, apps, lagSamples: lags.length },
  };
}

/** Per person placed whose team was seeded earlier: cycles from that seeding to their own first placement. */
function seedingLags(history: CapacityHistory, cycleIndex: ReadonlyMap<string, number>): number[] {
  const firstSeededCycle = new Map<string, number>();
  const firstPlacedCycle = new Map<string, number>();
  for (const a of history.assignments) {
    const index = a.cycleId === null ? undefined : cycleIndex.get(a.cycleId);
    if (index === undefined) continue;
    if (a.kind === 'seeding' && a.targetTeamId !== null) {
      const seen = firstSeededCycle.get(a.targetTeamId);
      if (seen === undefined || index < seen) firstSeededCycle.set(a.targetTeamId, index);
    }
    const placed = firstPlacedCycle.get(a.personId);
    if (placed === undefined || index < placed) firstPlacedCycle.set(a.personId, index);
  }
  const lags: number[] = [];
  for (const person of history.people) {
    const placed = firstPlacedCycle.get(person.id);
    const seeded = person.teamId === null ? undefined : firstSeededCycle.get(person.teamId);
    if (placed !== undefined && seeded !== undefined && placed > seeded) lags.push(placed - seeded);
  }
  return lags;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
