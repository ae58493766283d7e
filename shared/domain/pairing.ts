/**
 * Pairing: the calculations behind the session log, the hours and the assignments board.
 *
 * - Durations as an advocate types them ("1.5", "1:30", "90m"), with a message for each way
 *   one can be wrong.
 * - Hours per person, app, team, cycle and topic as *totals*: one row per (dimension, entity)
 *   with its session count, minutes and latest date. The database keeps them up to date in
 *   the transaction of every write to the sessions (renderer/db/derived.ts), from the deltas
 *   computed here, so no screen has to read 200,000 sessions to show hours; `recountTotals`
 *   is the same rows from the sessions themselves (what the upgrade and a restore write, and
 *   what the tests compare the kept totals with).
 * - Sessions and minutes per day, kept the same way, so a date range is counted from its days.
 * - Onboarding apps with no session in the last two weeks.
 * - Assignments: overlap, a person in two places at once, a person's load, the board of a cycle.
 * - Quick entry's defaults: from the advocate's current assignment and their last session.
 */
import { z } from 'zod';
import { addDaysIso, maxIsoDate, minIsoDate, type IsoDate } from './dates';
import type { Assignment, PairingSession } from './people';

// --- Schema version 3 -------------------------------------------------------------------------

/**
 * Schema version 3: a pairing session names the golden path it worked on; sessions stored
 * before say none. Anything that is not a record is left for the backup check to report.
 */
export function upgradeSessionWithGoldenPath(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  if ('goldenPathId' in record) return record;
  return { ...record, goldenPathId: null };
}

// --- Durations --------------------------------------------------------------------------------

/** The longest session: one day. */
export const MAX_SESSION_MINUTES = 24 * 60;

export type DurationResult = { ok: true; minutes: number } | { ok: false; message: string };

const HOURS = /^(\d+(?:[.,]\d+)?|[.,]\d+)(?:h|hr|hrs|hour|hours)?$/;
const MINUTES = /^(\d+(?:[.,]\d+)?)(?:m|min|mins|minute|minutes)$/;
const HOURS_AND_MINUTES = /^(\d+)(?::|h)(\d{1,2})(?:m|min|mins)?$/;

const number = (text: string) => Number(text.replace(',', '.'));

/**
 * Reads a duration as an advocate types it: hours ("1.5", "1,5", "2h"), minutes ("90m",
 * "45 min") or both ("1:30", "1h30", "1h 30m"), rounded to whole minutes. Refuses, with a
 * message that names the field and the problem: nothing, zero, a negative duration, more than
 * 24 hours, and anything that is not a duration.
 */
export function parseDuration(text: string, label = 'Duration'): DurationResult {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  if (compact === '') return { ok: false, message: `${label} is required` };
  const negative = compact.startsWith('-');
  const body = negative ? compact.slice(1) : compact;
  let minutes: number | undefined;
  let hm: RegExpExecArray | null;
  if ((hm = HOURS_AND_MINUTES.exec(body))) {
    const [h, m] = [Number(hm[1]), Number(hm[2])];
    if (m >= 60)
      return { ok: false, message: `${label}: ${hm[2]} minutes is not a minute of an hour (0–59)` };
    minutes = h * 60 + m;
  } else if ((hm = MINUTES.exec(body))) {
    minutes = number(hm[1] as string);
  } else if ((hm = HOURS.exec(body))) {
    minutes = number(hm[1] as string) * 60;
  }
  if (minutes === undefined || !Number.isFinite(minutes)) {
    return { ok: false, message: `${label} must be a number of hours (1.5 or 1:30) or minutes (90m)` };
  }
  if (negative && minutes > 0) return { ok: false, message: `${label} cannot be negative` };
  const whole = Math.round(minutes);
  if (whole <= 0) return { ok: false, message: `${label} must be more than 0` };
  if (whole > MAX_SESSION_MINUTES) {
    const bare = HOURS.test(body) && !/[a-z]/.test(body);
    return {
      ok: false,
      message: bare
        ? `${label} must be at most 24 hours: ${body} hours is more (for minutes, type ${body}m)`
        : `${label} must be at most 24 hours`,
    };
  }
  return { ok: true, minutes: whole };
}

/** A duration in words: "45 min", "2 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A duration as the duration field shows it: hours ("1.5"), or "h:mm" when that is not exact. */
export function durationText(minutes: number): string {
  const hours = minutes / 60;
  if (Number.isInteger(hours * 4)) return String(hours);
  return `${Math.floor(minutes / 60)}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;
}

/** Hours with at most one decimal, for tables and charts: 1,234.5. */
export function formatHours(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toLocaleString('en', { maximumFractionDigits: 1 });
}

// --- Totals -----------------------------------------------------------------------------------

/** What hours are totalled by. */
export const TOTAL_DIMENSIONS = ['person', 'app', 'team', 'cycle', 'topic'] as const;
export type TotalDimension = (typeof TOTAL_DIMENSIONS)[number];

/** The entity of sessions without one (no app, no team, no cycle). */
export const NO_ENTITY = '';

/**
 * The session field each dimension totals by. Each of these fields has a `[field+date]` index,
 * which finds an entity's latest session when the one that was latest is deleted.
 */
export const TOTAL_FIELDS = {
  person: 'personId',
  app: 'appId',
  team: 'teamId',
  cycle: 'cycleId',
  topic: 'topic',
} as const satisfies Record<TotalDimension, keyof PairingSession>;

/** The dimension each totalled session field counts for: TOTAL_FIELDS read the other way. */
export const DIMENSION_OF_FIELD = Object.fromEntries(
  TOTAL_DIMENSIONS.map((dimension) => [TOTAL_FIELDS[dimension], dimension]),
) as { [D in TotalDimension as (typeof TOTAL_FIELDS)[D]]: D };

/** One total: the sessions of one person (app, team, cycle, topic), their minutes and latest date. */
export const pairingTotalSchema = z.object({
  /** `dimension:entityId`. */
  id: z.string().min(1),
  dimension: z.enum(TOTAL_DIMENSIONS),
  /** The person's (app's, team's, cycle's) id, the topic's text, or NO_ENTITY. */
  entityId: z.string(),
  sessions: z.number().int().min(0),
  minutes: z.number().min(0),
  /** The latest session's date; null for NO_ENTITY (sessions without an app, team or cycle). */
  lastDate: z.string().nullable(),
});
export type PairingTotal = z.infer<typeof pairingTotalSchema>;

/** What a total reads of a session. */
export type SessionFacts = Pick<
  PairingSession,
  'date' | 'durationMinutes' | 'personId' | 'appId' | 'teamId' | 'cycleId' | 'topic'
>;

export function totalId(dimension: TotalDimension, entityId: string): string {
  return `${dimension}:${entityId}`;
}

/** The entity a session counts for in a dimension (NO_ENTITY when the field is empty). */
export function totalEntity(session: SessionFacts, dimension: TotalDimension): string {
  return session[TOTAL_FIELDS[dimension]] ?? NO_ENTITY;
}

/** A change to totals: what the sessions removed and added by one write move one total by. */
export interface TotalsDelta {
  id: string;
  dimension: TotalDimension;
  entityId: string;
  sessions: number;
  minutes: number;
  /** The latest date among the sessions added to this total, if any. */
  latestAdded: IsoDate | null;
  /** The latest date among the sessions removed from it, if any. */
  latestRemoved: IsoDate | null;
}

/**
 * How one write changes the totals: `removed` are the sessions as they were before it (deleted,
 * or the old version of an edited one), `added` as they are after it. Totals a write leaves
 * as they were (an edit of notes only) are not listed.
 */
export function totalsDelta(removed: readonly SessionFacts[], added: readonly SessionFacts[]): TotalsDelta[] {
  const deltas = new Map<string, TotalsDelta>();
  const count = (session: SessionFacts, sign: 1 | -1) => {
    for (const dimension of TOTAL_DIMENSIONS) {
      const entityId = totalEntity(session, dimension);
      const id = totalId(dimension, entityId);
      let delta = deltas.get(id);
      if (!delta) {
        delta = { id, dimension, entityId, sessions: 0, minutes: 0, latestAdded: null, latestRemoved: null };
        deltas.set(id, delta);
      }
      delta.sessions += sign;
      delta.minutes += sign * session.durationMinutes;
      if (sign > 0) delta.latestAdded = maxDate(delta.latestAdded, session.date);
      else delta.latestRemoved = maxDate(delta.latestRemoved, session.date);
    }
  };
  for (const session of removed) count(session, -1);
  for (const session of added) count(session, 1);
  return [...deltas.values()].filter(
    (d) => d.sessions !== 0 || d.minutes !== 0 || d.latestAdded !== d.latestRemoved,
  );
}

function maxDate(a: IsoDate | null, b: IsoDate): IsoDate {
  return a === null ? b : maxIsoDate(a, b);
}

/**
 * A total after a delta. `recountLastDate` says the latest session may have been removed and
 * the new latest date must be looked up (among the stored sessions); `total` is null when no
 * session is left.
 */
export function applyTotalsDelta(
  current: PairingTotal | undefined,
  delta: TotalsDelta,
): { total: PairingTotal | null; recountLastDate: boolean } {
  const sessions = (current?.sessions ?? 0) + delta.sessions;
  if (sessions <= 0) return { total: null, recountLastDate: false };
  // Sums of whole minutes stay exact; a fractional duration must not leave 1e-13 behind.
  const minutes = Math.max(0, Math.round(((current?.minutes ?? 0) + delta.minutes) * 1e6) / 1e6);
  let lastDate: IsoDate | null = null;
  let recountLastDate = false;
  if (delta.entityId !== NO_ENTITY) {
    const last = current?.lastDate ?? null;
    if (last !== null && delta.latestRemoved !== null && delta.latestRemoved >= last) {
      // The latest session may be gone: a newer one added is the latest; otherwise look it up.
      if (delta.latestAdded !== null && delta.latestAdded >= last) lastDate = delta.latestAdded;
      else {
        lastDate = last;
        recountLastDate = true;
      }
    } else {
      lastDate = delta.latestAdded === null ? last : maxDate(last, delta.latestAdded);
    }
  }
  const total: PairingTotal = {
    id: delta.id,
    dimension: delta.dimension,
    entityId: delta.entityId,
    sessions,
    minutes,
    lastDate,
  };
  return { total, recountLastDate };
}

/** The totals of a list of sessions, counted from scratch, sorted by id. */
export function recountTotals(sessions: readonly SessionFacts[]): PairingTotal[] {
  const totals = new Map<string, PairingTotal>();
  for (const session of sessions) {
    for (const dimension of TOTAL_DIMENSIONS) {
      const entityId = totalEntity(session, dimension);
      const id = totalId(dimension, entityId);
      const total = totals.get(id);
      const date = entityId === NO_ENTITY ? null : session.date;
      if (!total) {
        totals.set(id, {
          id,
          dimension,
          entityId,
          sessions: 1,
          minutes: session.durationMinutes,
          lastDate: date,
        });
      } else {
        total.sessions += 1;
        total.minutes += session.durationMinutes;
        if (date !== null) total.lastDate = maxDate(total.lastDate, date);
      }
    }
  }
  return [...totals.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * One cycle's totals: its sessions' hours per person, app, team, cycle and topic, kept in one
 * row, so that the hours within a cycle are one read, not a count of the cycle's 5,000 sessions.
 */
export const cycleTotalsSchema = z.object({
  /** The cycle's id. */
  id: z.string().min(1),
  /** What {@link recountTotals} counts from the cycle's sessions, in the order of their ids. */
  totals: z.array(pairingTotalSchema),
});
export type CycleTotals = z.infer<typeof cycleTotalsSchema>;

/** Sessions by the cycle they count in; those without a cycle count in none. */
export function sessionsByCycle<S extends SessionFacts>(sessions: readonly S[]): Map<string, S[]> {
  const byCycle = new Map<string, S[]>();
  for (const session of sessions) {
    const cycleId = totalEntity(session, 'cycle');
    if (cycleId === NO_ENTITY) continue;
    const list = byCycle.get(cycleId);
    if (list) list.push(session);
    else byCycle.set(cycleId, [session]);
  }
  return byCycle;
}

/** Every cycle's totals, counted from all the sessions, in the order of the cycles' ids. */
export function recountCycleTotals(sessions: readonly SessionFacts[]): CycleTotals[] {
  return [...sessionsByCycle(sessions)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, inCycle]) => ({ id, totals: recountTotals(inCycle) }));
}

/**
 * A cycle's totals after a write's deltas within it (see {@link totalsDelta}); `row` is null
 * when no session of the cycle is left. `recount`: the totals in `row` whose latest session may
 * have been removed; the caller sets their `lastDate` from the cycle's stored sessions.
 */
export function applyCycleTotalsDelta(
  current: CycleTotals | undefined,
  cycleId: string,
  deltas: readonly TotalsDelta[],
): { row: CycleTotals | null; recount: PairingTotal[] } {
  const totals = new Map((current?.totals ?? []).map((t) => [t.id, t]));
  const recount: PairingTotal[] = [];
  for (const delta of deltas) {
    const { total, recountLastDate } = applyTotalsDelta(totals.get(delta.id), delta);
    if (!total) {
      totals.delete(delta.id);
      continue;
    }
    totals.set(delta.id, total);
    if (recountLastDate) recount.push(total);
  }
  if (totals.size === 0) return { row: null, recount: [] };
  const sorted = [...totals.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { row: { id: cycleId, totals: sorted }, recount };
}

/** The totals of one dimension, most minutes first (then by entity, for a stable order). */
export function totalsOf(totals: readonly PairingTotal[], dimension: TotalDimension): PairingTotal[] {
  return totals
    .filter((t) => t.dimension === dimension)
    .sort((a, b) => b.minutes - a.minutes || (a.entityId < b.entityId ? -1 : 1));
}

// --- Sessions per day -------------------------------------------------------------------------

/**
 * The sessions of one day and their minutes (a derived table, kept like the totals): a date range
 * of the session log is counted from the days in it (at most a few thousand small rows) instead
 * of from its sessions, whichever cycle they are in, or none.
 */
export const pairingDaySchema = z.object({
  /** The date. */
  id: z.string().min(1),
  sessions: z.number().int().min(0),
  minutes: z.number().min(0),
});
export type PairingDay = z.infer<typeof pairingDaySchema>;

/** What a day's count reads of a session. */
export type DayFacts = Pick<PairingSession, 'date' | 'durationMinutes'>;

/** Minutes summed in floating point stay whole numbers where they are; no 1e-13 left behind. */
const roundMinutes = (minutes: number) => Math.max(0, Math.round(minutes * 1e6) / 1e6);

/** The days of a list of sessions, counted from scratch, in date order. */
export function recountDays(sessions: readonly DayFacts[]): PairingDay[] {
  const days = new Map<string, PairingDay>();
  for (const s of sessions) {
    const day = days.get(s.date);
    if (day) {
      day.sessions += 1;
      day.minutes += s.durationMinutes;
    } else days.set(s.date, { id: s.date, sessions: 1, minutes: s.durationMinutes });
  }
  return [...days.values()]
    .map((d) => ({ ...d, minutes: roundMinutes(d.minutes) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The days one write changes: `current` holds the stored rows of the days it touches (the
 * dates of `removed` and `added`, see {@link daysTouched}); `removed` are the sessions as they
 * were before it, `added` as they are after it. Days left without a session are deleted.
 */
export function applyDaysDelta(
  current: ReadonlyMap<string, PairingDay>,
  removed: readonly DayFacts[],
  added: readonly DayFacts[],
): { put: PairingDay[]; deleted: string[] } {
  const next = new Map<string, PairingDay>();
  const move = (s: DayFacts, sign: 1 | -1) => {
    const day = next.get(s.date) ?? { ...(current.get(s.date) ?? { id: s.date, sessions: 0, minutes: 0 }) };
    day.sessions += sign;
    day.minutes += sign * s.durationMinutes;
    next.set(s.date, day);
  };
  for (const s of removed) move(s, -1);
  for (const s of added) move(s, 1);
  const put: PairingDay[] = [];
  const deleted: string[] = [];
  for (const day of next.values()) {
    const before = current.get(day.id);
    if (day.sessions <= 0) {
      if (before) deleted.push(day.id);
      continue;
    }
    const minutes = roundMinutes(day.minutes);
    if (before && before.sessions === day.sessions && before.minutes === minutes) continue;
    put.push({ id: day.id, sessions: day.sessions, minutes });
  }
  return { put, deleted };
}

/** The dates a write's sessions fall on: the day rows it may change. */
export function daysTouched(removed: readonly DayFacts[], added: readonly DayFacts[]): string[] {
  return [...new Set([...removed, ...added].map((s) => s.date))];
}

/** The sessions and minutes of some days. */
export function sumDays(days: readonly Pick<PairingDay, 'sessions' | 'minutes'>[]): {
  sessions: number;
  minutes: number;
} {
  let sessions = 0;
  let minutes = 0;
  for (const d of days) {
    sessions += d.sessions;
    minutes += d.minutes;
  }
  return { sessions, minutes: roundMinutes(minutes) };
}

// --- Stale onboarding apps --------------------------------------------------------------------

/** Onboarding apps with no session for this many days (today included) are listed. */
export const STALE_AFTER_DAYS = 14;

export interface StaleApp<A> {
  app: A;
  /** The app's latest session, or null when it has none. */
  lastDate: IsoDate | null;
}

/**
 * The apps in the onboarding stage with no session in the last `days` days (today and the
 * days before it): never paired first, then the longest without a session. `lastDateOf` gives
 * an app's latest session date (from its totals), null or undefined when it has none.
 */
export function staleOnboardingApps<A extends { id: string; stage: string; name: string }>(
  apps: readonly A[],
  lastDateOf: (appId: string) => IsoDate | null | undefined,
  today: IsoDate,
  days = STALE_AFTER_DAYS,
): StaleApp<A>[] {
  const since = addDaysIso(today, -(days - 1));
  return apps
    .filter((app) => app.stage === 'onboarding')
    .map((app) => ({ app, lastDate: lastDateOf(app.id) ?? null }))
    .filter((s) => s.lastDate === null || s.lastDate < since)
    .sort(
      (a, b) => (a.lastDate ?? '').localeCompare(b.lastDate ?? '') || a.app.name.localeCompare(b.app.name),
    );
}

// --- Assignments ------------------------------------------------------------------------------

/** The end of an assignment that has none: it runs on. */
export const OPEN_END: IsoDate = '9999-12-31';

export type AssignmentFacts = Pick<
  Assignment,
  'id' | 'kind' | 'personId' | 'targetTeamId' | 'appId' | 'startDate' | 'endDate'
>;

/** Where an assignment places its person: the target team, or the app when there is no team. */
export function placeOf(a: Pick<Assignment, 'targetTeamId' | 'appId'>): string {
  return a.targetTeamId ? `team:${a.targetTeamId}` : `app:${a.appId ?? ''}`;
}

/** Whether two date ranges (both days included, null end = open) share a day. */
export function rangesOverlap(
  a: { startDate: IsoDate; endDate: IsoDate | null },
  b: { startDate: IsoDate; endDate: IsoDate | null },
): boolean {
  return a.startDate <= (b.endDate ?? OPEN_END) && b.startDate <= (a.endDate ?? OPEN_END);
}

/**
 * A person is in two places at once when two of their assignments share a day, at different
 * places, and one of them is seeding: a seeder joins the target team for the whole assignment,
 * so they cannot be with another team meanwhile. (Pairing is part-time: pairing with two teams
 * at once is load, flagged over the limit, not a conflict.) Returns the assignments among
 * `others` that `candidate` conflicts with.
 */
export function twoPlacesConflicts<A extends AssignmentFacts>(
  candidate: AssignmentFacts,
  others: readonly A[],
): A[] {
  return others.filter(
    (other) =>
      other.id !== candidate.id &&
      other.personId === candidate.personId &&
      (other.kind === 'seeding' || candidate.kind === 'seeding') &&
      placeOf(other) !== placeOf(candidate) &&
      rangesOverlap(other, candidate),
  );
}

/**
 * The most places a person is assigned to on one day between `from` and `to` (both included):
 * their load. Several assignments at the same place count once.
 */
export function peakLoad(assignments: readonly AssignmentFacts[], from: IsoDate, to: IsoDate): number {
  const inRange = assignments.filter((a) => rangesOverlap(a, { startDate: from, endDate: to }));
  // The load changes only on a day an assignment starts: check each of those (and `from`).
  const days = new Set([from, ...inRange.map((a) => maxIsoDate(a.startDate, from))]);
  let peak = 0;
  for (const day of days) {
    const places = new Set(
      inRange.filter((a) => a.startDate <= day && day <= (a.endDate ?? OPEN_END)).map(placeOf),
    );
    peak = Math.max(peak, places.size);
  }
  return peak;
}

/** The default limit of places at once before a person is flagged as overloaded. */
export const DEFAULT_MAX_LOAD = 2;

export interface BoardPerson<A> {
  personId: string;
  /** Their assignments on this board. */
  assignments: A[];
  /** The most places they are at on one day of the cycle (all their assignments counted). */
  load: number;
  overloaded: boolean;
  /** Pairs of their assignments that put them in two places at once during the cycle. */
  conflicts: [A, A][];
}

export interface BoardColumn<A> {
  /** placeOf the assignments. */
  place: string;
  targetTeamId: string | null;
  /** The app, for a column of an app without a team. */
  appId: string | null;
  assignments: A[];
}

export interface AssignmentBoard<A> {
  columns: BoardColumn<A>[];
  people: Map<string, BoardPerson<A>>;
}

/** A cycle's own days: from its start to the day before its end (the next cycle's first day). */
export function cycleDays(cycle: { startDate: IsoDate; endDate: IsoDate }): {
  startDate: IsoDate;
  endDate: IsoDate;
} {
  return { startDate: cycle.startDate, endDate: maxIsoDate(cycle.startDate, addDaysIso(cycle.endDate, -1)) };
}

/**
 * A cycle's board: the assignments of the cycle (`cycleId`, or none and dates within it) by
 * place, and for each person on it their load and conflicts during the cycle, counted over all
 * their assignments (`all`), so one from another cycle that overlaps counts too. Columns and
 * cards keep the order `assignments` come in.
 */
export function assignmentBoard<A extends AssignmentFacts & Pick<Assignment, 'cycleId'>>(
  all: readonly A[],
  cycle: { id: string; startDate: IsoDate; endDate: IsoDate },
  maxLoad: number,
): AssignmentBoard<A> {
  const range = cycleDays(cycle);
  const onBoard = all.filter(
    (a) => a.cycleId === cycle.id || (a.cycleId === null && rangesOverlap(a, range)),
  );
  const columns = new Map<string, BoardColumn<A>>();
  for (const a of onBoard) {
    const place = placeOf(a);
    let column = columns.get(place);
    if (!column) {
      column = {
        place,
        targetTeamId: a.targetTeamId,
        appId: a.targetTeamId ? null : a.appId,
        assignments: [],
      };
      columns.set(place, column);
    }
    column.assignments.push(a);
  }
  const people = new Map<string, BoardPerson<A>>();
  for (const a of onBoard) {
    if (people.has(a.personId)) continue;
    const theirs = all.filter((x) => x.personId === a.personId);
    const during = theirs.filter((x) => rangesOverlap(x, range));
    const load = peakLoad(during, range.startDate, range.endDate);
    const conflicts: [A, A][] = [];
    during.forEach((x, i) => {
      for (const y of twoPlacesConflicts(x, during.slice(i + 1))) {
        // Only the days both share within the cycle count.
        const from = maxIsoDate(maxIsoDate(x.startDate, y.startDate), range.startDate);
        const to = minIsoDate(minIsoDate(x.endDate ?? OPEN_END, y.endDate ?? OPEN_END), range.endDate);
        if (from <= to) conflicts.push([x, y]);
      }
    });
    people.set(a.personId, {
      personId: a.personId,
      assignments: onBoard.filter((x) => x.personId === a.personId),
      load,
      overloaded: load > maxLoad,
      conflicts,
    });
  }
  return { columns: [...columns.values()], people };
}

// --- Quick entry ------------------------------------------------------------------------------

/** The assignment a person is on today: the one covering today that started last. */
export function currentAssignment<A extends Pick<Assignment, 'startDate' | 'endDate' | 'kind'>>(
  assignments: readonly A[],
  today: IsoDate,
): A | null {
  const current = assignments.filter((a) => a.startDate <= today && today <= (a.endDate ?? OPEN_END));
  current.sort((a, b) => b.startDate.localeCompare(a.startDate) || (a.kind === 'pairing' ? -1 : 1));
  return current[0] ?? null;
}

export interface QuickEntryDefaults {
  date: IsoDate;
  durationMinutes: number;
  partnerIds: string[];
  appId: string | null;
  teamId: string | null;
  goldenPathId: string | null;
  topic: string;
}

/** A session's length when there is no earlier one to copy. */
export const DEFAULT_SESSION_MINUTES = 60;

type LastFacts = Pick<
  PairingSession,
  'durationMinutes' | 'partnerIds' | 'appId' | 'teamId' | 'goldenPathId' | 'topic'
>;

/**
 * What quick entry starts with: today; the place of the advocate's current assignment (its
 * team and app), else of their last session; the last session's duration and topic; and its
 * partners and golden path when it was at the same place (a new assignment starts without).
 */
export function quickEntryDefaults(input: {
  today: IsoDate;
  assignment: Pick<Assignment, 'targetTeamId' | 'appId'> | null;
  last: LastFacts | null;
}): QuickEntryDefaults {
  const { today, assignment, last } = input;
  const samePlace =
    last !== null &&
    (assignment === null ||
      (last.teamId === assignment.targetTeamId &&
        (assignment.appId === null || last.appId === assignment.appId)));
  return {
    date: today,
    durationMinutes: last?.durationMinutes ?? DEFAULT_SESSION_MINUTES,
    partnerIds: samePlace ? [...last.partnerIds] : [],
    teamId: assignment ? assignment.targetTeamId : (last?.teamId ?? null),
    appId: assignment ? (assignment.appId ?? (samePlace ? last.appId : null)) : (last?.appId ?? null),
    goldenPathId: samePlace ? last.goldenPathId : null,
    topic: last?.topic ?? '',
  };
}

// --- The session log's filter ------------------------------------------------------------------

export interface SessionFilter {
  /** Sessions this person paired in: logged by them, or with them as a partner. */
  personId: string | null;
  appId: string | null;
  teamId: string | null;
  cycleId: string | null;
  topic: string | null;
  from: IsoDate | null;
  to: IsoDate | null;
}

export const NO_SESSION_FILTER: SessionFilter = {
  personId: null,
  appId: null,
  teamId: null,
  cycleId: null,
  topic: null,
  from: null,
  to: null,
};

export function hasSessionFilter(filter: SessionFilter): boolean {
  return Object.values(filter).some((v) => v !== null);
}

/** Whether a session passes every filter that is set. */
export function matchesSessionFilter(
  session: Pick<
    PairingSession,
    'date' | 'personId' | 'partnerIds' | 'appId' | 'teamId' | 'cycleId' | 'topic'
  >,
  filter: SessionFilter,
): boolean {
  return (
    (filter.personId === null ||
      session.personId === filter.personId ||
      session.partnerIds.includes(filter.personId)) &&
    (filter.appId === null || session.appId === filter.appId) &&
    (filter.teamId === null || session.teamId === filter.teamId) &&
    (filter.cycleId === null || session.cycleId === filter.cycleId) &&
    (filter.topic === null || session.topic === filter.topic) &&
    (filter.from === null || session.date >= filter.from) &&
    (filter.to === null || session.date <= filter.to)
  );
}

/**
 * Newest first: by date, then by id (descending) — the order of the `[field+date]` indexes read
 * backwards, so a list read from an index and one filtered in memory agree.
 */
export function compareSessionsNewestFirst(
  a: Pick<PairingSession, 'date' | 'id'>,
  b: Pick<PairingSession, 'date' | 'id'>,
): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
