/**
 * The developer-experience self-assessment: once per cycle the platform team scores itself, 1 to
 * 5 with a note, against the fifteen points of the deck's "A Successful Developer Experience"
 * slides, word for word. Drawn as a radar across cycles, with the points that fell since the
 * previous scored cycle listed.
 *
 * One record per cycle and point, so that two people scoring different points of the same cycle
 * (two windows, later two laptops) never write over each other. Should two records of the same
 * cycle and point ever exist (each laptop scored it before a merge), the one changed last counts.
 */
import { z } from 'zod';
import { baseRecordSchema, idSchema, optionalText, wholeNumber } from './common';
import type { Cycle } from './program';

/** The fifteen points, in the deck's order and words. */
export const DX_POINTS = [
  'Customer Focus: Treat internal developers like clients',
  'Build, nourish and embrace a community around your platforms',
  'Focus on end-to-end & deliver an integrated experience',
  'Culture is critical',
  'Cloud Blueprints',
  'Cloud Parties',
  'Self-service everything',
  'Clear responsibility model, boundaries and platform contract',
  'Operationally stable, reliable, and has well-defined SLOs',
  'Inherently secure',
  'Streamline tooling for CI/CD',
  'Enable innovation through managing risk',
  'Automate, automate, automate!',
  'Short time to Hello World!',
  'Partner for success',
] as const;

/** A short name of each point, for the radar's axes (the full text is in its table and list). */
export const DX_POINT_SHORT = [
  'Customer focus',
  'Community',
  'End-to-end',
  'Culture',
  'Blueprints',
  'Cloud parties',
  'Self-service',
  'Responsibility model',
  'Stable, SLOs',
  'Secure',
  'CI/CD tooling',
  'Managed risk',
  'Automation',
  'Time to Hello World',
  'Partnership',
] as const;

export const DX_SCORE_MIN = 1;
export const DX_SCORE_MAX = 5;

/** What each score means, for the form's hints. */
export const DX_SCORE_LABELS: Record<number, string> = {
  1: 'Not yet',
  2: 'Started',
  3: 'In place',
  4: 'Strong',
  5: 'Exemplary',
};

export const dxScoreInputSchema = z.object({
  cycleId: idSchema,
  /** 1…15: the point's number on the deck's slides. */
  point: wholeNumber('Point', 1, DX_POINTS.length),
  score: wholeNumber('Score', DX_SCORE_MIN, DX_SCORE_MAX),
  note: optionalText('Note', 2000),
});
export type DxScoreInput = z.input<typeof dxScoreInputSchema>;
export const dxScoreSchema = baseRecordSchema.and(dxScoreInputSchema);
export type DxScore = z.infer<typeof dxScoreSchema>;

type ScoreFacts = Pick<DxScore, 'cycleId' | 'point' | 'score' | 'note' | 'updatedAt'>;

/** A cycle's scores, by point (1…15); a point not scored is absent. */
export type CycleScores = ReadonlyMap<number, ScoreFacts>;

/**
 * The scores of each cycle, by point: when two records hold the same cycle and point, the one
 * changed last (then the larger id, so every machine picks the same one).
 */
export function scoresByCycle<S extends ScoreFacts & { id: string }>(
  records: readonly S[],
): Map<string, Map<number, S>> {
  const out = new Map<string, Map<number, S>>();
  for (const r of records) {
    let cycle = out.get(r.cycleId);
    if (!cycle) out.set(r.cycleId, (cycle = new Map()));
    const held = cycle.get(r.point);
    if (!held || r.updatedAt > held.updatedAt || (r.updatedAt === held.updatedAt && r.id > held.id))
      cycle.set(r.point, r);
  }
  return out;
}

/** The mean of a cycle's scores, or null when none is scored. */
export function meanScore(scores: CycleScores | undefined): number | null {
  if (!scores || scores.size === 0) return null;
  let sum = 0;
  for (const s of scores.values()) sum += s.score;
  return sum / scores.size;
}

/** A cycle that has at least one score, with its scores, in time order. */
export interface ScoredCycle {
  cycle: Pick<Cycle, 'id' | 'index' | 'name'>;
  scores: CycleScores;
  mean: number;
}

/** The cycles with scores, oldest first (by the cycles' order; scores of unknown cycles dropped). */
export function scoredCycles(
  cycles: readonly Pick<Cycle, 'id' | 'index' | 'name'>[],
  byCycle: ReadonlyMap<string, CycleScores>,
): ScoredCycle[] {
  return [...cycles]
    .sort((a, b) => a.index - b.index)
    .flatMap((cycle) => {
      const scores = byCycle.get(cycle.id);
      const mean = meanScore(scores);
      return scores && mean !== null ? [{ cycle, scores, mean }] : [];
    });
}

/** The scored cycle before `cycleId` among the scored ones, if any. */
export function previousScored(scored: readonly ScoredCycle[], cycleId: string): ScoredCycle | undefined {
  const i = scored.findIndex((s) => s.cycle.id === cycleId);
  return i > 0 ? scored[i - 1] : undefined;
}

export interface PointChange {
  point: number;
  text: string;
  before: number;
  after: number;
}

/**
 * The points scored in both cycles whose score changed from `before` to `after`: the ones that
 * fell (largest fall first) and the ones that rose (largest rise first). A point scored in only
 * one of them is neither.
 */
export function pointChanges(
  before: CycleScores | undefined,
  after: CycleScores | undefined,
): { fell: PointChange[]; rose: PointChange[] } {
  const fell: PointChange[] = [];
  const rose: PointChange[] = [];
  if (!before || !after) return { fell, rose };
  for (const [point, now] of after) {
    const then = before.get(point);
    if (!then || then.score === now.score) continue;
    const change = {
      point,
      text: DX_POINTS[point - 1] ?? `Point ${point}`,
      before: then.score,
      after: now.score,
    };
    (now.score < then.score ? fell : rose).push(change);
  }
  const size = (c: PointChange) => Math.abs(c.after - c.before);
  const order = (a: PointChange, b: PointChange) => size(b) - size(a) || a.point - b.point;
  return { fell: fell.sort(order), rose: rose.sort(order) };
}

/** One axis of the radar: a point with its score in each drawn cycle (key = cycle id). */
export type RadarRow = { point: number; short: string; text: string } & Record<
  string,
  number | string | null
>;

/** The radar's rows: the fifteen points, each with the score of every given cycle (null when not scored). */
export function radarRows(cycles: readonly ScoredCycle[]): RadarRow[] {
  return DX_POINTS.map((text, i) => {
    const row: RadarRow = { point: i + 1, short: DX_POINT_SHORT[i]!, text };
    for (const c of cycles) row[c.cycle.id] = c.scores.get(i + 1)?.score ?? null;
    return row;
  });
}

/** The one line the radar's card reads, e.g. "Cycle 7 averages 3.6 of 5, up 0.4 on Cycle 6; 2 points fell." */
export function assessmentReading(
  latest: ScoredCycle | undefined,
  previous: ScoredCycle | undefined,
  label: (cycle: ScoredCycle['cycle']) => string,
): string {
  if (!latest) return 'No cycle has been scored yet.';
  const mean = latest.mean.toFixed(1);
  const of = `${latest.scores.size === DX_POINTS.length ? '' : ` (${latest.scores.size} of ${DX_POINTS.length} points scored)`}`;
  if (!previous) return `${label(latest.cycle)} averages ${mean} of 5${of}; the first cycle scored.`;
  const delta = Math.round((latest.mean - previous.mean) * 10) / 10;
  const trend =
    delta === 0
      ? `level with ${label(previous.cycle)}`
      : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta).toFixed(1)} on ${label(previous.cycle)}`;
  const { fell } = pointChanges(previous.scores, latest.scores);
  const fallen =
    fell.length === 0 ? 'no point fell' : `${fell.length} ${fell.length === 1 ? 'point' : 'points'} fell`;
  return `${label(latest.cycle)} averages ${mean} of 5${of}, ${trend}; ${fallen}.`;
}
