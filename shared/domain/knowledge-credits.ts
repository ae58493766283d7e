/**
 * The knowledge map's summary of the pairing sessions, kept as a derived table
 * (renderer/db/derived.ts `knowledgeCredits`) so the map never reads 200,000 sessions: per
 * subject and person the decayed credit in factorised form, and per person their first pairing
 * lesson and the first day they taught.
 *
 * - **Credit rows** — one per subject: an app (every session with that app), a golden path (the
 *   sessions that name it) or an app's sessions that name no golden path (credited, when the map
 *   is drawn, to the golden paths the app uses then). For each person the session credits (the
 *   person who paired and each partner, once), the sum of `minutes × 2^((day − refDay) / h)`,
 *   the number of sessions and the latest day. `refDay` is the row's latest day, so every term
 *   is at most its minutes and 10 years at any half-life stay far inside float64's range; the
 *   decayed hours on `today` are `sum × 2^((refDay − today) / h) / 60`, which is the sum of
 *   `minutes / 60 × 2^((day − today) / h)` that shared/domain/knowledge.ts weighs a session by.
 *   Sessions dated after `today` count undecayed there: the map corrects them from the few
 *   sessions it reads by date (`creditWeights`'s `future`).
 * - **Learner rows** — a person's first pairing lesson: the earliest session naming them as a
 *   partner, its day and who paired (the lowest id on a tie).
 * - **Teacher rows** — the first day a person paired with someone else, and those partners.
 *
 * The rows name people by id whether or not they exist: the map checks them against the people
 * it reads (shared/domain/knowledge.ts), and recounts a person whose stored lesson names someone
 * unknown from that person's own sessions.
 */
import { z } from 'zod';
import type { IsoDate } from './dates';
import type { KnowledgeSession } from './knowledge';

/** What a credit row sums: an app's sessions, a golden path's, or an app's sessions naming no golden path. */
export type CreditKind = 'app' | 'path' | 'app-unpathed';

/** Separates person ids in a credit row's `people` (ids are uuids or import keys: never a control character). */
const SEP = '\u001f';

export interface CreditRow {
  /** `${kind}:${subjectId}`. */
  id: string;
  row: 'credit';
  kind: CreditKind;
  subjectId: string;
  /** The half-life the sums were scaled with. */
  halfLifeDays: number;
  /** The day number (days since 1970-01-01) the sums are scaled to: the latest day credited. */
  refDay: number;
  /** Person ids, joined by U+001F, in the order of the arrays below. */
  people: string;
  /** Per person: Σ minutes × 2^((day − refDay) / halfLifeDays). */
  sums: Float64Array;
  /** Per person: the sessions credited. */
  counts: Int32Array;
  /** Per person: the day number of their latest session. */
  lastDays: Int32Array;
}

export interface LearnerRow {
  /** `learner:${personId}`. */
  id: string;
  row: 'learner';
  personId: string;
  /** The day of their first pairing lesson. */
  date: IsoDate;
  /** Who paired with them that day (the lowest id when several did). */
  teacherId: string;
}

export interface TeacherRow {
  /** `teacher:${personId}`. */
  id: string;
  row: 'teacher';
  personId: string;
  /** The first day they paired with someone else. */
  date: IsoDate;
  /** Everyone they paired with that day, sorted. */
  learnerIds: string[];
}

export type KnowledgeCreditRow = CreditRow | LearnerRow | TeacherRow;

/** A calendar date's day number: days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

/** The credit rows a session adds to, as [kind, subject id]; none when it lasted no time. */
export function creditSubjects(s: KnowledgeSession): [CreditKind, string][] {
  if (!(s.durationMinutes > 0)) return [];
  const out: [CreditKind, string][] = [];
  if (s.appId) out.push(['app', s.appId]);
  if (s.goldenPathId) out.push(['path', s.goldenPathId]);
  else if (s.appId) out.push(['app-unpathed', s.appId]);
  return out;
}

/** The people a session credits: the person who paired, then each other partner once. */
export function creditedPeople(s: KnowledgeSession): string[] {
  const out = [s.personId];
  for (const p of s.partnerIds) if (!out.includes(p)) out.push(p);
  return out;
}

/** The partners a session teaches: each once, never the person who paired. */
function learnersOf(s: KnowledgeSession): string[] {
  const out: string[] = [];
  for (const p of s.partnerIds) if (p !== s.personId && !out.includes(p)) out.push(p);
  return out;
}

/** The ids of every row a session adds to or takes from. */
export function rowIdsOf(s: KnowledgeSession): string[] {
  const ids = creditSubjects(s).map(([kind, id]) => `${kind}:${id}`);
  const learners = learnersOf(s);
  for (const p of learners) ids.push(`learner:${p}`);
  if (learners.length > 0) ids.push(`teacher:${s.personId}`);
  return ids;
}

/** 2^(−days / halfLifeDays) for whole days, memoised per half-life: a few thousand distinct days. */
const HALVINGS = new Map<number, Float64Array>();
const MEMO_DAYS = 40_000;
export function halving(days: number, halfLifeDays: number): number {
  return halvingIn(halvings(halfLifeDays), days, halfLifeDays);
}

/** The memo of a half-life's halvings by whole days (NaN where not yet worked out). */
function halvings(halfLifeDays: number): Float64Array {
  let memo = HALVINGS.get(halfLifeDays);
  if (!memo) HALVINGS.set(halfLifeDays, (memo = new Float64Array(MEMO_DAYS).fill(Number.NaN)));
  return memo;
}

/** `halving` with the half-life's memo at hand (`halvings`), for a loop over many days. */
function halvingIn(memo: Float64Array, days: number, halfLifeDays: number): number {
  if (!(days >= 0 && days < MEMO_DAYS && Number.isInteger(days))) return 2 ** (-days / halfLifeDays);
  const known = memo[days]!;
  return known === known ? known : (memo[days] = 2 ** (-days / halfLifeDays));
}

interface Entry {
  sum: number;
  count: number;
  lastDay: number;
}

/** A credit row being changed: its entries by person. */
class Credit {
  entries = new Map<string, Entry>();
  constructor(
    readonly kind: CreditKind,
    readonly subjectId: string,
    readonly halfLifeDays: number,
    public refDay: number,
  ) {}

  static unpack(row: CreditRow): Credit {
    const credit = new Credit(row.kind, row.subjectId, row.halfLifeDays, row.refDay);
    if (row.people === '') return credit;
    row.people
      .split(SEP)
      .forEach((person, i) =>
        credit.entries.set(person, { sum: row.sums[i]!, count: row.counts[i]!, lastDay: row.lastDays[i]! }),
      );
    return credit;
  }

  /** Scales every sum to a later reference day. */
  rebase(day: number) {
    if (day <= this.refDay) return;
    const factor = halving(day - this.refDay, this.halfLifeDays);
    for (const entry of this.entries.values()) entry.sum *= factor;
    this.refDay = day;
  }

  /** Credits one session to each of `people`: the same term for all, scaled once. */
  add(people: readonly string[], minutes: number, day: number) {
    this.rebase(day);
    const term = minutes * halving(this.refDay - day, this.halfLifeDays);
    for (const person of people) {
      const entry = this.entries.get(person);
      if (!entry) this.entries.set(person, { sum: term, count: 1, lastDay: day });
      else {
        entry.sum += term;
        entry.count += 1;
        if (day > entry.lastDay) entry.lastDay = day;
      }
    }
  }

  /** Takes a session back; true when the person's latest day may have changed (recount it). */
  remove(person: string, minutes: number, day: number): boolean {
    const entry = this.entries.get(person);
    if (!entry) return false;
    entry.count -= 1;
    if (entry.count <= 0) {
      this.entries.delete(person);
      return false;
    }
    entry.sum = Math.max(0, entry.sum - minutes * halving(this.refDay - day, this.halfLifeDays));
    return day >= entry.lastDay;
  }

  /** Sets a person's entry from one recounted elsewhere (its own reference day). */
  set(person: string, fresh: Entry | undefined, freshRef: number) {
    if (!fresh) {
      this.entries.delete(person);
      return;
    }
    this.rebase(freshRef);
    this.entries.set(person, {
      sum: fresh.sum * halving(this.refDay - freshRef, this.halfLifeDays),
      count: fresh.count,
      lastDay: fresh.lastDay,
    });
  }

  pack(): CreditRow | undefined {
    if (this.entries.size === 0) return undefined;
    const n = this.entries.size;
    const sums = new Float64Array(n);
    const counts = new Int32Array(n);
    const lastDays = new Int32Array(n);
    const people: string[] = [];
    let i = 0;
    for (const [person, entry] of this.entries) {
      people.push(person);
      sums[i] = entry.sum;
      counts[i] = entry.count;
      lastDays[i++] = entry.lastDay;
    }
    return creditRow(this.kind, this.subjectId, this.halfLifeDays, this.refDay, {
      people: people.join(SEP),
      sums,
      counts,
      lastDays,
    });
  }
}

interface Lesson {
  date: IsoDate;
  teacherId: string;
}
interface Taught {
  date: IsoDate;
  learnerIds: string[];
}

/**
 * Whether a lesson given on `date` by `teacherId` comes before the one on `thanDate` by
 * `thanTeacherId`: an earlier lesson wins; on the same day the lower teacher id.
 */
function earlierLesson(date: IsoDate, teacherId: string, thanDate: IsoDate, thanTeacherId: string): boolean {
  return date < thanDate || (date === thanDate && teacherId < thanTeacherId);
}

/**
 * What a session on `date` is to its teacher's first day teaching (`first`, undefined: none yet):
 * an earlier day (its learners replace that day's), the same day (its learners join them), or a
 * later one (null).
 */
function teachingDay(date: IsoDate, first: IsoDate | undefined): 'earlier' | 'same day' | null {
  return first === undefined || date < first ? 'earlier' : date === first ? 'same day' : null;
}

/** The learners of one day taught by several sessions: each once, sorted. */
function mergedLearners(day: readonly string[], more: readonly string[]): string[] {
  return [...new Set([...day, ...more])].sort();
}

/** A credit row: its subject, half-life and reference day, and its people's entries. */
function creditRow(
  kind: CreditKind,
  subjectId: string,
  halfLifeDays: number,
  refDay: number,
  entries: Pick<CreditRow, 'people' | 'sums' | 'counts' | 'lastDays'>,
): CreditRow {
  return {
    id: `${kind}:${subjectId}`,
    row: 'credit',
    kind,
    subjectId,
    halfLifeDays,
    refDay,
    people: entries.people,
    sums: entries.sums,
    counts: entries.counts,
    lastDays: entries.lastDays,
  };
}

function learnerRow(personId: string, date: IsoDate, teacherId: string): LearnerRow {
  return { id: `learner:${personId}`, row: 'learner', personId, date, teacherId };
}

function teacherRow(personId: string, date: IsoDate, learnerIds: string[]): TeacherRow {
  return { id: `teacher:${personId}`, row: 'teacher', personId, date, learnerIds };
}

const KINDS: readonly CreditKind[] = ['app', 'path', 'app-unpathed'];

/** The learner and teacher rows: each person's first lesson and first day teaching. */
class Lessons {
  readonly learners = new Map<string, Lesson | undefined>();
  readonly teachers = new Map<string, Taught | undefined>();
  readonly touchedLearners = new Set<string>();
  readonly touchedTeachers = new Set<string>();

  load(row: LearnerRow | TeacherRow) {
    if (row.row === 'learner') this.learners.set(row.personId, { date: row.date, teacherId: row.teacherId });
    else this.teachers.set(row.personId, { date: row.date, learnerIds: row.learnerIds });
  }

  add(s: KnowledgeSession) {
    let taught = false;
    for (let i = 0; i < s.partnerIds.length; i++) {
      const p = s.partnerIds[i]!;
      if (p === s.personId || s.partnerIds.indexOf(p) !== i) continue;
      taught = true;
      const lesson = this.learners.get(p);
      if (!lesson || earlierLesson(s.date, s.personId, lesson.date, lesson.teacherId))
        this.learners.set(p, { date: s.date, teacherId: s.personId });
      this.touchedLearners.add(p);
    }
    if (taught) {
      const current = this.teachers.get(s.personId);
      const day = teachingDay(s.date, current?.date);
      if (day === 'earlier') {
        this.teachers.set(s.personId, { date: s.date, learnerIds: learnersOf(s).sort() });
      } else if (day === 'same day') {
        current!.learnerIds = mergedLearners(current!.learnerIds, learnersOf(s));
      }
      this.touchedTeachers.add(s.personId);
    }
  }

  /** Takes a session back, adding to `recount` whose first lesson or first day teaching it was. */
  remove(s: KnowledgeSession, recount: Set<string>) {
    const learners = learnersOf(s);
    for (const p of learners) {
      const lesson = this.learners.get(p);
      if (lesson && lesson.date === s.date && lesson.teacherId === s.personId) recount.add(p);
      this.touchedLearners.add(p);
    }
    const taught = this.teachers.get(s.personId);
    if (learners.length > 0 && taught && taught.date === s.date) recount.add(s.personId);
    if (learners.length > 0) this.touchedTeachers.add(s.personId);
  }

  /** Replaces a person's rows with those counted in `fresh`. */
  recount(person: string, fresh: Lessons) {
    this.learners.set(person, fresh.learners.get(person));
    this.teachers.set(person, fresh.teachers.get(person));
    this.touchedLearners.add(person);
    this.touchedTeachers.add(person);
  }

  learnerRow(personId: string): LearnerRow | undefined {
    const lesson = this.learners.get(personId);
    return lesson && learnerRow(personId, lesson.date, lesson.teacherId);
  }

  teacherRow(personId: string): TeacherRow | undefined {
    const taught = this.teachers.get(personId);
    return taught && teacherRow(personId, taught.date, taught.learnerIds);
  }
}

/**
 * The rows a write changes, loaded and changed in place: `load` the stored rows the sessions touch
 * (`rowIdsOf`), `remove`, `add`, `recount` whom `remove` names, then `changes`. For the whole
 * table counted from scratch, see `KnowledgeCreditCount`.
 */
export class KnowledgeCredits {
  private credits: Record<CreditKind, Map<string, Credit>> = {
    app: new Map(),
    path: new Map(),
    'app-unpathed': new Map(),
  };
  private lessons = new Lessons();
  private touchedCredits = new Set<Credit>();

  constructor(readonly halfLifeDays: number) {}

  /** Starts from stored rows (those `rowIdsOf` the sessions to change). */
  load(rows: readonly (KnowledgeCreditRow | undefined)[]) {
    for (const row of rows) {
      if (!row) continue;
      if (row.row === 'credit') {
        if (row.halfLifeDays !== this.halfLifeDays)
          throw new Error(`Credit row ${row.id} has another half-life`);
        this.credits[row.kind].set(row.subjectId, Credit.unpack(row));
      } else this.lessons.load(row);
    }
  }

  private credit(kind: CreditKind, subjectId: string, day: number): Credit {
    const credits = this.credits[kind];
    let credit = credits.get(subjectId);
    if (!credit) credits.set(subjectId, (credit = new Credit(kind, subjectId, this.halfLifeDays, day)));
    this.touchedCredits.add(credit);
    return credit;
  }

  add(sessions: readonly KnowledgeSession[]) {
    for (const s of sessions) {
      const subjects = creditSubjects(s);
      if (subjects.length > 0) {
        const day = dayNumber(s.date);
        const people = creditedPeople(s);
        for (const [kind, id] of subjects) this.credit(kind, id, day).add(people, s.durationMinutes, day);
      }
      this.lessons.add(s);
    }
  }

  /**
   * Takes sessions back. Returns the people whose rows need a recount from their remaining
   * sessions (`recount`): a removed session was their latest for a subject, or their first lesson
   * or first day teaching.
   */
  remove(sessions: readonly KnowledgeSession[]): Set<string> {
    const recount = new Set<string>();
    for (const s of sessions) {
      const subjects = creditSubjects(s);
      if (subjects.length > 0) {
        const day = dayNumber(s.date);
        const people = creditedPeople(s);
        for (const [kind, id] of subjects) {
          const credit = this.credit(kind, id, day);
          for (const person of people) if (credit.remove(person, s.durationMinutes, day)) recount.add(person);
        }
      }
      this.lessons.remove(s, recount);
    }
    return recount;
  }

  /**
   * Replaces a person's entries in the rows loaded here, and their lesson rows, with those
   * counted from `fresh` (the same credits over every session naming the person).
   */
  recount(person: string, fresh: KnowledgeCredits) {
    for (const kind of KINDS) {
      for (const [id, credit] of this.credits[kind]) {
        const other = fresh.credits[kind].get(id);
        if (!credit.entries.has(person) && !other?.entries.has(person)) continue;
        credit.set(person, other?.entries.get(person), other?.refDay ?? credit.refDay);
        this.touchedCredits.add(credit);
      }
    }
    this.lessons.recount(person, fresh.lessons);
  }

  /** The rows changed since loading: to put, and ids to delete. */
  changes(): { puts: KnowledgeCreditRow[]; deletes: string[] } {
    const puts: KnowledgeCreditRow[] = [];
    const deletes: string[] = [];
    const put = (id: string, row: KnowledgeCreditRow | undefined) =>
      row ? puts.push(row) : deletes.push(id);
    for (const credit of this.touchedCredits) put(`${credit.kind}:${credit.subjectId}`, credit.pack());
    for (const p of this.lessons.touchedLearners) put(`learner:${p}`, this.lessons.learnerRow(p));
    for (const p of this.lessons.touchedTeachers) put(`teacher:${p}`, this.lessons.teacherRow(p));
    return { puts, deletes };
  }
}

/** A typed array at least `size` long, keeping what `array` holds. */
function grown<A extends Int32Array | Float64Array>(array: A, size: number): A {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => A)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** The entries of every credit row, row after row (`KnowledgeCreditCount`). */
interface Grouped {
  /** Row `r`'s entries, from `starts[r]` to `starts[r + 1]`: a person each, in the order first credited. */
  starts: Int32Array;
  people: Int32Array;
  sums: Float64Array;
  counts: Int32Array;
  lastDays: Int32Array;
  /** Per row: its people's ids joined by U+001F. */
  texts: string[];
}

/** The most characters of rows' people joined into one text, bar its last row's (`texts` below). */
const TEXT_LENGTH = 1 << 15;

/**
 * The whole table counted from scratch (a restore, an upgrade, a recount of every session):
 * `add` every session, in slices if need be, then `rows`. At 200,000 sessions a map of entries per
 * credit row cost a million map lookups and 400,000 entry objects; instead people and rows are
 * numbered as first seen, each credited session is appended once to flat typed arrays (its day,
 * minutes, rows and people by number: appending a credit per row and person wrote three times as
 * much), each person's first lesson and first day teaching are kept in arrays by their number (a
 * map lookup and often a new object per partner before), and `rows` groups the sessions once: a
 * counting sort by row, then per row a slot per person found through an array indexed by the
 * person's number. The sums are the same terms added in the same order as `KnowledgeCredits` adds
 * them after scaling each row to its latest day, so the rows are the same to the last bit.
 */
export class KnowledgeCreditCount {
  private days = new Map<IsoDate, number>();
  private personNumbers = new Map<string, number>();
  private personIds: string[] = [];
  private rowNumbers: Record<CreditKind, Map<string, number>> = {
    app: new Map(),
    path: new Map(),
    'app-unpathed': new Map(),
  };
  private rowCount = 0;
  /** Per row number: the latest day credited. */
  private rowLatest = new Int32Array(1024);
  /** Per app's row number: its unpathed row's number plus one (0 for none yet), saving a lookup. */
  private unpathedRows = new Int32Array(1024);
  /** Per session credited, in the order added: its day, minutes and rows (-1 for none). */
  private sessionDays = new Int32Array(1 << 12);
  private sessionMinutes = new Float64Array(1 << 12);
  private appRows = new Int32Array(1 << 12);
  private otherRows = new Int32Array(1 << 12);
  /** Session `c`'s people (`creditedPeople`, by number): from `people[peopleStarts[c]]` to the next's. */
  private peopleStarts = new Int32Array(1 << 12);
  private people = new Int32Array(1 << 14);
  private sessionCount = 0;
  private peopleCount = 0;
  /**
   * Per person number: their first lesson (its date and teacher's number; -1 for none yet) and
   * their first day teaching (its date and learners; undefined for none yet), and who has each
   * in the order first found (the order the rows come in).
   */
  private lessonDates: IsoDate[] = [];
  private lessonTeachers: number[] = [];
  private taughtDates: IsoDate[] = [];
  private taughtLearners: (string[] | undefined)[] = [];
  private learners: number[] = [];
  private teachers: number[] = [];

  constructor(readonly halfLifeDays: number) {}

  private dayOf(date: IsoDate): number {
    let day = this.days.get(date);
    if (day === undefined) this.days.set(date, (day = dayNumber(date)));
    return day;
  }

  private personNumber(id: string): number {
    let n = this.personNumbers.get(id);
    if (n === undefined) {
      this.personNumbers.set(id, (n = this.personIds.length));
      this.personIds.push(id);
      this.lessonDates.push('');
      this.lessonTeachers.push(-1);
      this.taughtDates.push('');
      this.taughtLearners.push(undefined);
    }
    return n;
  }

  private rowNumber(kind: CreditKind, subjectId: string, day: number): number {
    const rows = this.rowNumbers[kind];
    let n = rows.get(subjectId);
    if (n === undefined) n = this.newRow(rows, subjectId, day);
    else if (day > this.rowLatest[n]!) this.rowLatest[n] = day;
    return n;
  }

  /** The row of an app's sessions that name no golden path, found from the app's row. */
  private unpathedRow(appRow: number, appId: string, day: number): number {
    const known = this.unpathedRows[appRow]!;
    if (known === 0) {
      const n = this.newRow(this.rowNumbers['app-unpathed'], appId, day);
      this.unpathedRows[appRow] = n + 1;
      return n;
    }
    if (day > this.rowLatest[known - 1]!) this.rowLatest[known - 1] = day;
    return known - 1;
  }

  private newRow(rows: Map<string, number>, subjectId: string, day: number): number {
    const n = this.rowCount++;
    rows.set(subjectId, n);
    this.rowLatest = grown(this.rowLatest, n + 1);
    this.unpathedRows = grown(this.unpathedRows, n + 1);
    this.rowLatest[n] = day;
    return n;
  }

  /**
   * Numbers the people a session credits (`creditedPeople`: who paired, then each other partner
   * once) into `people` from `peopleCount`, and returns how many. They stay there only when the
   * session is credited (`add` moves `peopleCount` past them).
   */
  private numberPeople(s: KnowledgeSession): number {
    const from = this.peopleCount;
    const partners = s.partnerIds;
    if (from + 1 + partners.length > this.people.length)
      this.people = grown(this.people, from + 1 + partners.length);
    const people = this.people;
    let end = from;
    people[end++] = this.personNumber(s.personId);
    for (let i = 0; i < partners.length; i++) {
      const person = this.personNumber(partners[i]!);
      let k = from;
      while (k < end && people[k] !== person) k++;
      if (k === end) people[end++] = person;
    }
    return end - from;
  }

  /**
   * Room for `count` more sessions (and their people, three a session; more grows as it fills),
   * made once per `add`: growing the arrays by doubling as they fill allocated and copied them
   * over and again, and each large allocation pressed the garbage collector into a full
   * collection of everything the caller holds.
   */
  private reserve(count: number) {
    this.people = grown(this.people, this.peopleCount + 3 * count);
    const size = this.sessionCount + count + 1;
    if (size <= this.sessionDays.length) return;
    this.sessionDays = grown(this.sessionDays, size);
    this.sessionMinutes = grown(this.sessionMinutes, size);
    this.appRows = grown(this.appRows, size);
    this.otherRows = grown(this.otherRows, size);
    this.peopleStarts = grown(this.peopleStarts, size);
  }

  add(sessions: readonly KnowledgeSession[]) {
    this.reserve(sessions.length);
    for (const s of sessions) {
      const from = this.peopleCount;
      const n = this.numberPeople(s);
      if (n > 1) this.addLesson(s, from, n);
      if (s.durationMinutes > 0 && (s.appId || s.goldenPathId)) {
        const day = this.dayOf(s.date);
        const c = this.sessionCount++;
        const app = s.appId ? this.rowNumber('app', s.appId, day) : -1;
        this.appRows[c] = app;
        this.otherRows[c] = s.goldenPathId
          ? this.rowNumber('path', s.goldenPathId, day)
          : s.appId
            ? this.unpathedRow(app, s.appId, day)
            : -1;
        this.sessionDays[c] = day;
        this.sessionMinutes[c] = s.durationMinutes;
        this.peopleStarts[c + 1] = this.peopleCount = from + n;
      }
    }
  }

  /**
   * A session's lesson (`Lessons.add`) for its `n` people numbered at `people[from]`: who paired,
   * then the partners they taught. An earlier lesson wins; on the same day the lower teacher id.
   */
  private addLesson(s: KnowledgeSession, from: number, n: number) {
    const { people, personIds, lessonDates, lessonTeachers } = this;
    const teacher = people[from]!;
    for (let k = from + 1; k < from + n; k++) {
      const p = people[k]!;
      const first = lessonTeachers[p] === -1;
      if (first) this.learners.push(p);
      if (first || earlierLesson(s.date, s.personId, lessonDates[p]!, personIds[lessonTeachers[p]!]!)) {
        lessonDates[p] = s.date;
        lessonTeachers[p] = teacher;
      }
    }
    const taught = this.taughtLearners[teacher];
    const day = teachingDay(s.date, taught ? this.taughtDates[teacher] : undefined);
    if (day === 'earlier') {
      if (!taught) this.teachers.push(teacher);
      this.taughtDates[teacher] = s.date;
      this.taughtLearners[teacher] = this.learnerIds(from, n).sort();
    } else if (day === 'same day') {
      this.taughtLearners[teacher] = mergedLearners(taught!, this.learnerIds(from, n));
    }
  }

  /** The ids of the partners a session taught (`learnersOf`). */
  private learnerIds(from: number, n: number): string[] {
    const ids: string[] = [];
    for (let k = from + 1; k < from + n; k++) ids.push(this.personIds[this.people[k]!]!);
    return ids;
  }

  /** Every row, packed one by one: the lesson rows, then the credit rows by kind. */
  *rows(): Generator<KnowledgeCreditRow> {
    yield* this.lessonRows();
    const grouped = this.grouped();
    for (const kind of KINDS) {
      for (const [subjectId, r] of this.rowNumbers[kind]) yield this.pack(kind, subjectId, r, grouped);
    }
  }

  /** The learner rows, then the teacher rows, each in the order first found. */
  private lessonRows(): (LearnerRow | TeacherRow)[] {
    const rows: (LearnerRow | TeacherRow)[] = [];
    const { personIds } = this;
    for (const p of this.learners)
      rows.push(learnerRow(personIds[p]!, this.lessonDates[p]!, personIds[this.lessonTeachers[p]!]!));
    for (const p of this.teachers)
      rows.push(teacherRow(personIds[p]!, this.taughtDates[p]!, this.taughtLearners[p]!));
    return rows;
  }

  /**
   * A credit row from its entries in `grouped`. Loops stay out of the generator: V8 does not
   * optimise a generator's loops while they run.
   */
  private pack(kind: CreditKind, subjectId: string, r: number, grouped: Grouped): CreditRow {
    const from = grouped.starts[r]!;
    const to = grouped.starts[r + 1]!;
    return creditRow(kind, subjectId, this.halfLifeDays, this.rowLatest[r]!, {
      people: grouped.texts[r]!,
      sums: grouped.sums.slice(from, to),
      counts: grouped.counts.slice(from, to),
      lastDays: grouped.lastDays.slice(from, to),
    });
  }

  /** Every row's entries, row after row. */
  private grouped(): Grouped {
    const { sessionCount, appRows, otherRows, rowCount, peopleStarts, sessionDays, sessionMinutes } = this;
    const credited = this.people;
    // The sessions of each row together, in the order added, and their people: a counting sort
    // by row number. sessionStarts[r + 1] and creditStarts[r + 1] count row r's sessions and
    // people, then sessionStarts[r] and creditStarts[r] become where they begin.
    const sessionStarts = new Int32Array(rowCount + 1);
    const creditStarts = new Int32Array(rowCount + 1);
    for (let c = 0; c < sessionCount; c++) {
      const n = peopleStarts[c + 1]! - peopleStarts[c]!;
      const app = appRows[c]!;
      const other = otherRows[c]!;
      if (app >= 0) {
        sessionStarts[app + 1]! += 1;
        creditStarts[app + 1]! += n;
      }
      if (other >= 0) {
        sessionStarts[other + 1]! += 1;
        creditStarts[other + 1]! += n;
      }
    }
    for (let r = 0; r < rowCount; r++) {
      sessionStarts[r + 1]! += sessionStarts[r]!;
      creditStarts[r + 1]! += creditStarts[r]!;
    }
    // Moved in one sequential read (each row's next place is a short run of writes): reading the
    // sessions through an order of indexes instead costs a cache miss per array per session.
    const nextSession = sessionStarts.slice(0, rowCount);
    const nextCredit = creditStarts.slice(0, rowCount);
    const days = new Int32Array(sessionStarts[rowCount]!);
    const minutes = new Float64Array(sessionStarts[rowCount]!);
    const sizes = new Int32Array(sessionStarts[rowCount]!);
    const people = new Int32Array(creditStarts[rowCount]!);
    for (let c = 0; c < sessionCount; c++) {
      // To the session's app row, then to its other row (either -1 for none).
      for (let pass = 0; pass < 2; pass++) {
        const r = pass === 0 ? appRows[c]! : otherRows[c]!;
        if (r < 0) continue;
        const i = nextSession[r]!++;
        days[i] = sessionDays[c]!;
        minutes[i] = sessionMinutes[c]!;
        sizes[i] = peopleStarts[c + 1]! - peopleStarts[c]!;
        let j = nextCredit[r]!;
        for (let k = peopleStarts[c]!; k < peopleStarts[c + 1]!; k++) people[j++] = credited[k]!;
        nextCredit[r] = j;
      }
    }
    const entries = this.entries(sessionStarts, creditStarts, { days, minutes, sizes, people });
    return { ...entries, texts: this.texts(entries.starts, entries.people) };
  }

  /**
   * Each row's sessions summed per person, a slot per person in the order first credited:
   * `slotRow` and `slotOf` say which row a person last had a slot in, and which slot.
   */
  private entries(
    sessionStarts: Int32Array,
    creditStarts: Int32Array,
    sessions: { days: Int32Array; minutes: Float64Array; sizes: Int32Array; people: Int32Array },
  ): Omit<Grouped, 'texts'> {
    const { days, minutes, sizes } = sessions;
    const credited = sessions.people;
    const { rowCount, rowLatest, halfLifeDays } = this;
    const persons = this.personIds.length;
    const memo = halvings(halfLifeDays);
    // Room for the most entries there can be: a row has one per person it credits, so at most
    // one per credit and one per person (the part never written costs nothing).
    let most = 0;
    for (let r = 0; r < rowCount; r++) most += Math.min(creditStarts[r + 1]! - creditStarts[r]!, persons);
    const slotRow = new Int32Array(persons).fill(-1);
    const slotOf = new Int32Array(persons);
    const starts = new Int32Array(rowCount + 1);
    const people = new Int32Array(most);
    const sums = new Float64Array(most);
    const counts = new Int32Array(most);
    const lastDays = new Int32Array(most);
    let n = 0;
    let k = 0;
    for (let r = 0; r < rowCount; r++) {
      starts[r] = n;
      const refDay = rowLatest[r]!;
      for (let i = sessionStarts[r]!; i < sessionStarts[r + 1]!; i++) {
        const day = days[i]!;
        const term = minutes[i]! * halvingIn(memo, refDay - day, halfLifeDays);
        for (const to = k + sizes[i]!; k < to; k++) {
          const person = credited[k]!;
          if (slotRow[person] !== r) {
            slotRow[person] = r;
            slotOf[person] = n;
            people[n] = person;
            sums[n] = term;
            counts[n] = 1;
            lastDays[n++] = day;
          } else {
            const slot = slotOf[person]!;
            sums[slot]! += term;
            counts[slot]! += 1;
            if (day > lastDays[slot]!) lastDays[slot] = day;
          }
        }
      }
    }
    starts[rowCount] = n;
    return { starts, people, sums, counts, lastDays };
  }

  /**
   * Each row's people: their ids joined by U+001F, as slices of one text joined for many rows (up
   * to TEXT_LENGTH characters). Joined row by row, the 14 MB of ids that 200,000 sessions credit
   * cost a join and a new string a row, strings the garbage collector then copied; a join per few
   * dozen rows, and per row a slice that only points into the text, took a sixth off the whole
   * count. Longer texts are no better: a string over 128 kB is allocated apart, several times
   * slower to make.
   */
  private texts(starts: Int32Array, people: Int32Array): string[] {
    const ids = this.flatIds();
    const texts = new Array<string>(this.rowCount);
    const parts: string[] = [];
    let first = 0;
    let length = 0;
    for (let r = 0; r < this.rowCount; r++) {
      for (let k = starts[r]!; k < starts[r + 1]!; k++) {
        const id = ids[people[k]!]!;
        parts.push(id);
        length += id.length + 1;
      }
      if (length < TEXT_LENGTH && r < this.rowCount - 1) continue;
      const text = parts.join(SEP);
      let at = 0;
      for (let q = first; q <= r; q++) {
        let end = at - 1;
        for (let k = starts[q]!; k < starts[q + 1]!; k++) end += ids[people[k]!]!.length + 1;
        texts[q] = text.slice(at, end);
        at = end + 1;
      }
      parts.length = 0;
      length = 0;
      first = r + 1;
    }
    return texts;
  }

  /**
   * The people's ids, each a slice of them all joined once. An id built by concatenation (as
   * generated ones are) is a tree of pieces that every join walks again; copied once here, joining
   * the 400,000 ids in 200,000 sessions' rows took a sixth of the time. (Ids read from the database
   * are in one piece already; then this costs one join of every id.)
   */
  private flatIds(): string[] {
    const ids = this.personIds;
    const text = ids.join(SEP);
    const flat = new Array<string>(ids.length);
    let at = 0;
    for (let i = 0; i < ids.length; i++) {
      const end = at + ids[i]!.length;
      flat[i] = text.slice(at, end);
      at = end + 1;
    }
    return flat;
  }
}

/** The derived table's rows for every session. */
export function knowledgeCreditRows(
  sessions: readonly KnowledgeSession[],
  halfLifeDays: number,
): KnowledgeCreditRow[] {
  const count = new KnowledgeCreditCount(halfLifeDays);
  count.add(sessions);
  return [...count.rows()];
}

/** The decayed hours of every person in a credit row on `today` (day number). */
export function creditWeights(row: CreditRow, today: number): { people: string[]; weights: Float64Array } {
  const people = row.people === '' ? [] : row.people.split(SEP);
  const weights = new Float64Array(people.length);
  const factor = 2 ** ((row.refDay - today) / row.halfLifeDays) / 60;
  for (let i = 0; i < people.length; i++) weights[i] = row.sums[i]! * factor;
  return { people, weights };
}

/** A stored row of the derived table `knowledgeCredits`. */
export const knowledgeCreditSchema = z.discriminatedUnion('row', [
  z.object({
    id: z.string().min(1),
    row: z.literal('credit'),
    kind: z.enum(['app', 'path', 'app-unpathed']),
    subjectId: z.string().min(1),
    halfLifeDays: z.number().positive(),
    refDay: z.number().int(),
    people: z.string(),
    sums: z.instanceof(Float64Array),
    counts: z.instanceof(Int32Array),
    lastDays: z.instanceof(Int32Array),
  }),
  z.object({
    id: z.string().min(1),
    row: z.literal('learner'),
    personId: z.string().min(1),
    date: z.string(),
    teacherId: z.string().min(1),
  }),
  z.object({
    id: z.string().min(1),
    row: z.literal('teacher'),
    personId: z.string().min(1),
    date: z.string(),
    learnerIds: z.array(z.string()),
  }),
]);
