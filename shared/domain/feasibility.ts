/**
 * Feasibility: how the weighted criteria turn into an app's business value and technical
 * feasibility scores, which apps still need scoring (the scoring grid's rows), which quadrant of
 * the feasibility matrix an app falls in, and the ranked list the owner picks the initial app and
 * each cycle's next two to five from.
 */
import { APP_STAGES, CRITERION_AXES, type AppStage, type Criterion, type CriterionAxis } from './apps';
import { nameCollator, nameRanks } from './name-order';

type ScoredCriterion = Pick<Criterion, 'id' | 'axis' | 'weight'>;

/** Criterion scores are whole numbers 1–5; anything else is ignored rather than skewing the mean. */
function isCriterionScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 5;
}

const names = nameCollator('en');

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The weighted mean of the scored criteria on one axis, rounded to one decimal.
 *
 * Criteria the owner has not scored yet for this app are left out (not counted as zero), so a
 * half-filled scorecard already gives a usable score. Null when no criterion on the axis is
 * scored. The result is always within 1–5 because every input score is.
 */
export function axisScore(
  criteria: readonly ScoredCriterion[],
  scores: Readonly<Record<string, number>>,
  axis: CriterionAxis,
): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const criterion of criteria) {
    if (criterion.axis !== axis) continue;
    if (!Number.isFinite(criterion.weight) || criterion.weight <= 0) continue;
    const score = Object.hasOwn(scores, criterion.id) ? scores[criterion.id] : undefined;
    if (!isCriterionScore(score)) continue;
    weighted += score * criterion.weight;
    totalWeight += criterion.weight;
  }
  if (totalWeight === 0) return null;
  // Clamp guards against floating-point drift (e.g. 5.000000000000001) before rounding.
  return roundToTenth(Math.min(5, Math.max(1, weighted / totalWeight)));
}

/** Both axis scores of an app from its criterion scores: what the app stores as its two scores. */
export function scoresFromCriteria(
  criteria: readonly ScoredCriterion[],
  scores: Readonly<Record<string, number>>,
): { businessScore: number | null; technicalScore: number | null } {
  return {
    businessScore: axisScore(criteria, scores, 'business'),
    technicalScore: axisScore(criteria, scores, 'technical'),
  };
}

/** Whether an app has a score for every criterion (an app is never "fully scored" on no criteria). */
export function isFullyScored(
  criteria: readonly Pick<Criterion, 'id'>[],
  scores: Readonly<Record<string, number>>,
): boolean {
  return criteria.length > 0 && criteria.every((c) => isCriterionScore(scores[c.id]));
}

/**
 * The criteria in the order the scoring grid shows them: the business ones, then the technical
 * ones (so each axis's scores sit together), each axis in the owner's order.
 */
export function criteriaInAxisOrder<C extends Pick<Criterion, 'axis' | 'order'>>(
  criteria: readonly C[],
): C[] {
  return CRITERION_AXES.flatMap((axis) =>
    criteria.filter((c) => c.axis === axis).sort((a, b) => a.order - b.order),
  );
}

export interface ScoringQueueOptions {
  /** Only the apps not scored on every criterion (the default), or every app. */
  onlyUnscored: boolean;
  /**
   * Apps kept in the list although fully scored: those scored since the list was opened, so a row
   * does not vanish under the cursor the moment its last score is typed.
   */
  keep?: ReadonlySet<string>;
}

/**
 * The apps the scoring grid lists, in its order: candidates first (the apps still to be picked,
 * whose scores matter most), then the other stages in pipeline order, each by name.
 */
export function scoringQueue<
  T extends { id: string; name: string; stage: AppStage; criteriaScores: Record<string, number> },
>(
  apps: readonly T[],
  criteria: readonly Pick<Criterion, 'id'>[],
  { onlyUnscored, keep }: ScoringQueueOptions,
): T[] {
  const rank = (stage: AppStage) => APP_STAGES.indexOf(stage);
  const listed = onlyUnscored
    ? apps.filter((a) => keep?.has(a.id) || !isFullyScored(criteria, a.criteriaScores))
    : [...apps];
  return listed.sort((a, b) => rank(a.stage) - rank(b.stage) || names.compare(a.name, b.name));
}

export type Quadrant = 'start-here' | 'worth-the-effort' | 'quick-wins' | 'not-now';

/** The matrix is split at the middle of the 1–5 scale; a score of exactly 3 counts as high. */
export const QUADRANT_THRESHOLD = 3;

/** In reading order of the matrix: top right, top left, bottom right, bottom left. */
export const QUADRANTS: readonly Quadrant[] = ['start-here', 'worth-the-effort', 'quick-wins', 'not-now'];

export const QUADRANT_LABELS: Record<Quadrant, { label: string; explanation: string }> = {
  'start-here': {
    label: 'Start here',
    explanation: 'High business value and easy to move: the kind of app the playbook picks first.',
  },
  'worth-the-effort': {
    label: 'Worth the effort',
    explanation: 'High business value but harder to move: plan it once pairing and golden paths exist.',
  },
  'quick-wins': {
    label: 'Quick wins',
    explanation: 'Easy to move but less value: good for practising golden paths in a scaling cycle.',
  },
  'not-now': {
    label: 'Not now',
    explanation: 'Low value and hard to move: leave it until the platform has matured.',
  },
};

/**
 * The quadrant of the feasibility matrix for a business value (y) and technical feasibility (x)
 * score. High means at or above {@link QUADRANT_THRESHOLD}.
 */
export function quadrantOf(business: number, technical: number): Quadrant {
  const highValue = business >= QUADRANT_THRESHOLD;
  const highFeasibility = technical >= QUADRANT_THRESHOLD;
  if (highValue) return highFeasibility ? 'start-here' : 'worth-the-effort';
  return highFeasibility ? 'quick-wins' : 'not-now';
}

/** The quadrant of an app, or null while either score is missing (it is not on the matrix). */
export function quadrantOfApp(app: {
  businessScore: number | null;
  technicalScore: number | null;
}): Quadrant | null {
  if (app.businessScore === null || app.technicalScore === null) return null;
  return quadrantOf(app.businessScore, app.technicalScore);
}

/**
 * The combined score used for ranking: business value × technical feasibility (1–25).
 *
 * A product rather than a sum because the playbook wants both at once ("business & technical
 * feasibility"): a 5 × 1 app (vital but nearly impossible to move) ranks below a 3 × 3 one.
 * Null when either score is missing.
 */
export function combinedScore(app: {
  businessScore: number | null;
  technicalScore: number | null;
}): number | null {
  if (app.businessScore === null || app.technicalScore === null) return null;
  return roundToTenth(app.businessScore * app.technicalScore);
}

/** An app in the ranked list: the app itself (not a copy), its 1-based place and its combined score. */
export interface RankedApp<T> {
  app: T;
  rank: number;
  combined: number | null;
}

/**
 * The apps ranked for picking: highest combined score first; equal scores by business value,
 * then by name; apps missing a score come last, by name. `rank` is the 1-based position.
 * The apps are not copied (a list of 20,000 would be) nor changed.
 */
export function rankApps<
  T extends { businessScore: number | null; technicalScore: number | null; name: string },
>(apps: readonly T[]): RankedApp<T>[] {
  // Names compare by their rank in the collator's order, worked out once for the whole list.
  const nameRank = nameRanks(
    apps.map((app) => app.name),
    names,
  );
  const combined = apps.map(combinedScore);
  const keys = packedRankKeys(apps, combined, nameRank);
  if (keys) {
    // One number per app holds the whole order and the app's index: the typed array's own
    // numeric sort orders them without calling back into JavaScript for every comparison.
    keys.sort();
    const ranked: RankedApp<T>[] = [];
    for (let k = 0; k < keys.length; k++) {
      const i = keys[k]! % apps.length;
      ranked.push({ app: apps[i]!, rank: k + 1, combined: combined[i] ?? null });
    }
    return ranked;
  }
  const ranked = apps.map((app, i) => ({ app, rank: i, combined: combined[i] ?? null }));
  ranked.sort((a, b) => {
    if (a.combined === null || b.combined === null) {
      if (a.combined !== b.combined) return a.combined === null ? 1 : -1;
    } else if (a.combined !== b.combined) {
      return b.combined - a.combined;
    } else if (a.app.businessScore !== b.app.businessScore) {
      return (b.app.businessScore ?? 0) - (a.app.businessScore ?? 0);
    }
    // `rank` holds the app's index in the input until the order is known.
    return nameRank[a.rank]! - nameRank[b.rank]!;
  });
  for (let i = 0; i < ranked.length; i++) ranked[i]!.rank = i + 1;
  return ranked;
}

/** Tenths of a score, when it is a whole number of tenths from 0 to `max` tenths; else null. */
function tenths(score: number, max: number): number | null {
  const t = Math.round(score * 10);
  return t >= 0 && t <= max && t / 10 === score ? t : null;
}

/**
 * The ranking's order as one number per app: combined score descending, then business value
 * descending, then name rank, then the app's index in `apps` (so that apps of equal name keep
 * their input order, as a stable sort would); unscored apps last, by name. The index is the
 * number modulo the count of apps. Scores are whole tenths (what scoring stores), so each fits a
 * few bits; null when one is not, or when the apps are too many for every number to be exact
 * (some 750,000), and the ranking then compares the fields themselves.
 */
function packedRankKeys(
  apps: readonly { businessScore: number | null }[],
  combined: readonly (number | null)[],
  nameRank: Uint32Array,
): Float64Array | null {
  const n = apps.length;
  const BUSINESS_SLOTS = 64; // 0–5.0 in tenths, descending
  const UNSCORED = 251; // after every combined score (0–25.0 in tenths, descending)
  // Name ranks and indexes are below n, so every key is below (UNSCORED + 1) · 64 · n².
  if ((UNSCORED + 1) * BUSINESS_SLOTS * n * n > Number.MAX_SAFE_INTEGER) return null;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const score = combined[i] ?? null;
    let slot = UNSCORED * BUSINESS_SLOTS;
    if (score !== null) {
      const business = apps[i]!.businessScore;
      const c = tenths(score, 250);
      const b = business === null ? null : tenths(business, 50);
      if (c === null || b === null) return null;
      slot = (250 - c) * BUSINESS_SLOTS + (50 - b);
    }
    keys[i] = (slot * n + nameRank[i]!) * n + i;
  }
  return keys;
}
