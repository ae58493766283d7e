/**
 * Toil audit results: the pure calculations behind the Toil audits screens and their overview
 * chart.
 *
 * - A tally per audit (the derived table `toilTallies`): its number of responses and, per
 *   statement, how many answered 1, 2, 3, 4 and 5; "not applicable" is the rest. Kept up to date
 *   by a delta in every write's transaction, so results and the heat map read ~2,000 small rows,
 *   never 40,000 responses.
 * - Scores: agreement 1–5, turned round for reversed statements (agreeing means more toil), so
 *   that 5 is always good; a statement's mean is over the answers that are not "not applicable".
 * - Privacy: a group's results (one audit's) show only with at least `threshold` responses, and
 *   a statement's only with at least `threshold` answers. Every figure that combines several
 *   (an audit's overall score, the heat map's "all teams shown", a comparison) is computed from
 *   the shown parts alone, so no hidden group can be worked out by taking a total apart.
 * - Wording: an item's text when an audit asked it (earlier wordings are kept with the day they
 *   were replaced), so a comparison across a reworded item says so.
 */
import { z } from 'zod';
import type { IsoDate } from './dates';
import type { ToilAudit, ToilItem, ToilResponse } from './toil';

export const AGREEMENT_LABELS = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
] as const;

/** Counts of the answers 1…5 of one statement. */
export type AnswerCounts = [number, number, number, number, number];

export const toilTallySchema = z.object({
  /** The audit's id. */
  id: z.string().min(1),
  responses: z.number().int().min(0),
  /** Statement id → counts of the answers 1…5. */
  counts: z.record(z.string(), z.array(z.number().int().min(0)).length(5)),
});
export type ToilTally = { id: string; responses: number; counts: Record<string, AnswerCounts> };

/** What a tally reads of a response. */
export type ResponseFacts = Pick<ToilResponse, 'auditId' | 'scores'>;

function emptyCounts(): AnswerCounts {
  return [0, 0, 0, 0, 0];
}

function addResponse(tally: ToilTally, response: ResponseFacts, sign: 1 | -1) {
  tally.responses += sign;
  for (const [itemId, score] of Object.entries(response.scores)) {
    if (!Number.isInteger(score) || score < 1 || score > 5) continue;
    const counts = (tally.counts[itemId] ??= emptyCounts());
    counts[score - 1] = (counts[score - 1] ?? 0) + sign;
  }
}

/** The tallies of a set of responses, one per audit that has any. */
export function tallyResponses(responses: readonly ResponseFacts[]): ToilTally[] {
  const byAudit = new Map<string, ToilTally>();
  for (const r of responses) {
    let tally = byAudit.get(r.auditId);
    if (!tally) byAudit.set(r.auditId, (tally = { id: r.auditId, responses: 0, counts: {} }));
    addResponse(tally, r, 1);
  }
  return [...byAudit.values()];
}

/**
 * Applies a write's change of responses (`removed`: before images, `added`: after images) to the
 * stored tallies of the audits concerned (`current`, by audit id; absent = none yet). Returns the
 * tallies to put and the ids of those left without a response (to delete).
 */
export function applyTallyDelta(
  current: ReadonlyMap<string, ToilTally>,
  removed: readonly ResponseFacts[],
  added: readonly ResponseFacts[],
): { put: ToilTally[]; deleted: string[] } {
  const touched = new Map<string, ToilTally>();
  const tallyOf = (auditId: string) => {
    let tally = touched.get(auditId);
    if (!tally) {
      const stored = current.get(auditId);
      tally = stored
        ? {
            id: auditId,
            responses: stored.responses,
            counts: Object.fromEntries(
              Object.entries(stored.counts).map(([k, v]) => [k, [...v] as AnswerCounts]),
            ),
          }
        : { id: auditId, responses: 0, counts: {} };
      touched.set(auditId, tally);
    }
    return tally;
  };
  for (const r of removed) addResponse(tallyOf(r.auditId), r, -1);
  for (const r of added) addResponse(tallyOf(r.auditId), r, 1);
  const put: ToilTally[] = [];
  const deleted: string[] = [];
  for (const tally of touched.values()) {
    for (const [itemId, counts] of Object.entries(tally.counts))
      if (counts.every((c) => c <= 0)) delete tally.counts[itemId];
    if (tally.responses <= 0) deleted.push(tally.id);
    else put.push(tally);
  }
  return { put, deleted };
}

/** The score an agreement counts as: 5 is always good news (reversed statements turned round). */
export function orientedScore(agreement: number, reversed: boolean): number {
  return reversed ? 6 - agreement : agreement;
}

/** The wording an item had when an audit dated `date` asked it. */
export function wordingAt(item: Pick<ToilItem, 'text' | 'revisions'>, date: IsoDate): string {
  for (const revision of item.revisions ?? []) if (date < revision.until) return revision.text;
  return item.text;
}

/** Whether an audit dated `date` asks the item (it was not retired by then). */
export function askedOn(item: Pick<ToilItem, 'retiredOn'>, date: IsoDate): boolean {
  return !item.retiredOn || date < item.retiredOn;
}

export type StatementStatus =
  /** Shown: enough answers. */
  | 'shown'
  /** Too few answers (but some) to show without pointing at someone. */
  | 'too-few'
  /** Every response said "not applicable", or none was given. */
  | 'no-answers';

export interface StatementResult {
  itemId: string;
  /** The wording the audit asked it in. */
  text: string;
  reversed: boolean;
  /** Answers 1–5 given (not "not applicable"). */
  answered: number;
  notApplicable: number;
  status: StatementStatus;
  /** The mean score (reversed turned round), 1–5; null unless shown. */
  mean: number | null;
  /** Counts of agreement 1…5 as answered (not turned round); null unless shown. */
  distribution: AnswerCounts | null;
}

export interface AuditResults {
  responses: number;
  threshold: number;
  /** Whether the audit has enough responses to show anything but its count. */
  shown: boolean;
  /** Per statement, weakest first (lowest mean; the ones not shown last, in template order). */
  statements: StatementResult[];
  /** The mean of the shown statements' means; null when none is shown. */
  score: number | null;
}

/** The mean of counts of 1…5, turned round for a reversed statement; null without answers. */
export function meanOfCounts(counts: AnswerCounts, reversed: boolean): number | null {
  let n = 0;
  let sum = 0;
  counts.forEach((c, i) => {
    n += c;
    sum += c * orientedScore(i + 1, reversed);
  });
  return n === 0 ? null : sum / n;
}

/**
 * One audit's results from its tally, over the statements it asked (`items`: the template's
 * statements, retired ones included; those retired by the audit's date and never answered left
 * out). With fewer than `threshold` responses nothing but the count shows.
 */
export function auditResults(
  audit: Pick<ToilAudit, 'date'>,
  tally: ToilTally | undefined,
  items: readonly ToilItem[],
  threshold: number,
): AuditResults {
  const responses = tally?.responses ?? 0;
  const shown = responses >= threshold && responses > 0;
  const statements: StatementResult[] = [];
  for (const item of items) {
    if (item.kind !== 'statement') continue;
    const counts = tally?.counts[item.id] ?? emptyCounts();
    const answered = counts.reduce((a, b) => a + b, 0);
    if (answered === 0 && !askedOn(item, audit.date)) continue;
    const status: StatementStatus =
      answered === 0 ? 'no-answers' : answered >= threshold && shown ? 'shown' : 'too-few';
    statements.push({
      itemId: item.id,
      text: wordingAt(item, audit.date),
      reversed: item.reversed,
      answered: shown ? answered : 0,
      notApplicable: shown ? responses - answered : 0,
      status: shown ? status : 'too-few',
      mean: shown && status === 'shown' ? meanOfCounts(counts, item.reversed) : null,
      distribution: shown && status === 'shown' ? ([...counts] as AnswerCounts) : null,
    });
  }
  const order = new Map(items.map((item, i) => [item.id, i]));
  statements.sort((a, b) => {
    if (a.mean !== null && b.mean !== null && a.mean !== b.mean) return a.mean - b.mean;
    if ((a.mean === null) !== (b.mean === null)) return a.mean === null ? 1 : -1;
    return (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0);
  });
  const means = statements.flatMap((s) => (s.mean === null ? [] : [s.mean]));
  return {
    responses,
    threshold,
    shown,
    statements,
    score: means.length ? means.reduce((a, b) => a + b, 0) / means.length : null,
  };
}

export type ChangeVerdict = 'improved' | 'worse' | 'same';

/** A change of mean that rounds to 0.0 reads as "same". */
export function verdictOf(change: number): ChangeVerdict {
  const rounded = Math.round(change * 10) / 10;
  return rounded > 0 ? 'improved' : rounded < 0 ? 'worse' : 'same';
}

export interface StatementComparison {
  itemId: string;
  /** The wording of the later audit (or the earlier, for a statement the later did not ask). */
  text: string;
  /** The earlier audit's wording, when it differs (the item was reworded between them). */
  earlierText: string | null;
  before: number | null;
  after: number | null;
  /** after − before; null unless both are shown. */
  change: number | null;
  verdict: ChangeVerdict | null;
}

export interface AuditComparison {
  statements: StatementComparison[];
  improved: number;
  worse: number;
  same: number;
  /** Statements reworded between the two audits. */
  reworded: number;
  /** Whether both audits show results; when not, no statement is compared. */
  comparable: boolean;
  scoreChange: number | null;
}

/**
 * Two audits (of the same team, earlier first) compared statement by statement, most improved
 * first, worst last; only statements shown in both get a change. A statement reworded between the
 * two carries both wordings, so a screen can say the answers were to different sentences.
 */
export function compareAudits(
  earlier: { audit: Pick<ToilAudit, 'date'>; results: AuditResults },
  later: { audit: Pick<ToilAudit, 'date'>; results: AuditResults },
  items: readonly ToilItem[],
): AuditComparison {
  const comparable = earlier.results.shown && later.results.shown;
  const before = new Map(earlier.results.statements.map((s) => [s.itemId, s]));
  const after = new Map(later.results.statements.map((s) => [s.itemId, s]));
  const out: StatementComparison[] = [];
  for (const item of items) {
    if (item.kind !== 'statement') continue;
    const b = before.get(item.id);
    const a = after.get(item.id);
    if (!a && !b) continue;
    const earlierText = wordingAt(item, earlier.audit.date);
    const laterText = wordingAt(item, later.audit.date);
    const beforeMean = comparable ? (b?.mean ?? null) : null;
    const afterMean = comparable ? (a?.mean ?? null) : null;
    const change = beforeMean !== null && afterMean !== null ? afterMean - beforeMean : null;
    out.push({
      itemId: item.id,
      text: a ? laterText : earlierText,
      earlierText: a && b && earlierText !== laterText ? earlierText : null,
      before: beforeMean,
      after: afterMean,
      change,
      verdict: change === null ? null : verdictOf(change),
    });
  }
  out.sort((x, y) => (y.change ?? -Infinity) - (x.change ?? -Infinity));
  const count = (v: ChangeVerdict) => out.filter((s) => s.verdict === v).length;
  const scores = [earlier.results.score, later.results.score];
  return {
    statements: out,
    improved: count('improved'),
    worse: count('worse'),
    same: count('same'),
    reworded: out.filter((s) => s.earlierText !== null).length,
    comparable,
    scoreChange: comparable && scores[0] != null && scores[1] != null ? scores[1] - scores[0] : null,
  };
}

/** The group an audit belongs to: its team, or its app when it has no team. */
export function auditGroup(audit: Pick<ToilAudit, 'teamId' | 'appId'>): string {
  return audit.teamId ? `team:${audit.teamId}` : `app:${audit.appId ?? ''}`;
}

/** The latest audit of each group (the later date; the later created on a tie). */
export function latestAuditPerGroup<
  A extends Pick<ToilAudit, 'id' | 'date' | 'teamId' | 'appId' | 'createdAt'>,
>(audits: readonly A[]): A[] {
  const latest = new Map<string, A>();
  for (const audit of audits) {
    const key = auditGroup(audit);
    const held = latest.get(key);
    if (!held || audit.date > held.date || (audit.date === held.date && audit.createdAt > held.createdAt))
      latest.set(key, audit);
  }
  return [...latest.values()];
}

export interface HeatMapRow {
  group: string;
  auditId: string;
  date: IsoDate;
  responses: number;
  shown: boolean;
  /** Per statement id: the mean when shown, else null. */
  means: Record<string, number | null>;
  score: number | null;
}

export interface HeatMap {
  /** The statements (columns), in template order, as currently worded. */
  statements: Pick<ToilItem, 'id' | 'text' | 'reversed'>[];
  rows: HeatMapRow[];
  /**
   * Per statement: the mean over the answers of the shown cells only (never of hidden ones, so a
   * hidden team cannot be worked out by differencing); null when no cell is shown.
   */
  allShown: Record<string, number | null>;
  /** Groups whose latest audit has too few responses. */
  hiddenGroups: number;
}

/**
 * The statement × team heat map over each group's latest audit, weakest group first (hidden
 * groups last). `statements` are the template's statements still asked today.
 */
export function toilHeatMap(
  audits: readonly ToilAudit[],
  tallies: ReadonlyMap<string, ToilTally>,
  items: readonly ToilItem[],
  threshold: number,
  today: IsoDate,
): HeatMap {
  const statements = items.filter((i) => i.kind === 'statement' && askedOn(i, today));
  const pooled = statements.map(() => emptyCounts());
  const rows: HeatMapRow[] = [];
  let hiddenGroups = 0;
  // Per group, what auditResults gives of it (the same rules: a group shows from `threshold`
  // responses, a statement from `threshold` answers; the score is the mean of the shown means),
  // without its per-statement wording and ordering, which the heat map does not draw: one pass
  // over ~20 counts per group, so a thousand groups cost a few milliseconds.
  const shownMeans: number[] = [];
  for (const audit of latestAuditPerGroup(audits)) {
    const tally = tallies.get(audit.id);
    const responses = tally?.responses ?? 0;
    const shown = responses >= threshold && responses > 0;
    if (!shown) hiddenGroups++;
    const means: Record<string, number | null> = {};
    shownMeans.length = 0;
    statements.forEach((item, i) => {
      const counts = tally?.counts[item.id];
      const answered = counts ? counts[0] + counts[1] + counts[2] + counts[3] + counts[4] : 0;
      if (answered === 0 && !askedOn(item, audit.date)) return;
      const mean =
        shown && answered > 0 && answered >= threshold ? meanOfCounts(counts!, item.reversed) : null;
      means[item.id] = mean;
      if (mean === null) return;
      shownMeans.push(mean);
      const pool = pooled[i]!;
      for (let k = 0; k < 5; k++) pool[k] = (pool[k] ?? 0) + (counts![k] ?? 0);
    });
    // Summed weakest first, as auditResults sums them, so the score is the same to the last bit.
    shownMeans.sort((x, y) => x - y);
    rows.push({
      group: auditGroup(audit),
      auditId: audit.id,
      date: audit.date,
      responses,
      shown,
      means,
      score: shownMeans.length ? shownMeans.reduce((x, y) => x + y, 0) / shownMeans.length : null,
    });
  }
  rows.sort((a, b) => {
    if ((a.score === null) !== (b.score === null)) return a.score === null ? 1 : -1;
    return (a.score ?? 0) - (b.score ?? 0) || GROUP_ORDER.compare(a.group, b.group);
  });
  const allShown: Record<string, number | null> = {};
  statements.forEach((s, i) => (allShown[s.id] = meanOfCounts(pooled[i]!, s.reversed)));
  return {
    statements: statements.map(({ id, text, reversed }) => ({ id, text, reversed })),
    rows,
    allShown,
    hiddenGroups,
  };
}

/** Groups with the same score in the order `localeCompare` gives (one collator, not one per call). */
const GROUP_ORDER = new Intl.Collator();

export interface QuestionAnswers {
  itemId: string;
  text: string;
  answers: string[];
}

/**
 * The free-text answers grouped per question, in template order; none unless the audit shows
 * (`shown`), so that a group too small to show cannot be read through its words.
 */
export function answersPerQuestion(
  audit: Pick<ToilAudit, 'date'>,
  responses: readonly Pick<ToilResponse, 'answers'>[],
  items: readonly ToilItem[],
  shown: boolean,
): QuestionAnswers[] {
  if (!shown) return [];
  return items
    .filter((i) => i.kind === 'question')
    .map((item) => ({
      itemId: item.id,
      text: wordingAt(item, audit.date),
      answers: responses.flatMap((r) => {
        const text = r.answers[item.id]?.trim();
        return text ? [text] : [];
      }),
    }))
    .filter((q) => {
      const asked = items.find((i) => i.id === q.itemId);
      return q.answers.length > 0 || (asked !== undefined && askedOn(asked, audit.date));
    });
}

/**
 * Reads one agreement as typed or exported by a survey tool: 1–5, the scale's words, or "not
 * applicable" (empty, "n/a", "na", "-", "0"): `null`. Anything else is a problem in words.
 */
export function parseAgreement(text: string): { value: number | null } | { problem: string } {
  const cell = text.trim().toLowerCase();
  if (cell === '' || ['n/a', 'na', 'n.a.', '-', '–', '0', 'not applicable', 'n'].includes(cell))
    return { value: null };
  if (/^[1-5]$/.test(cell)) return { value: Number(cell) };
  const word = AGREEMENT_LABELS.findIndex((l) => l.toLowerCase() === cell);
  if (word >= 0) return { value: word + 1 };
  if (cell === 'neutral') return { value: 3 };
  if (/^-?\d+([.,]\d+)?$/.test(cell))
    return { problem: `“${text.trim()}” is outside the 1 to 5 scale (or N/A for not applicable)` };
  return {
    problem: `“${text.trim()}” is not an agreement: use 1 to 5, “Strongly disagree” … “Strongly agree”, or N/A`,
  };
}
