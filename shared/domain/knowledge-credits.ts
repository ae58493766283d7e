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
  if (!(days >= 0 && days < MEMO_DAYS && Number.isInteger(days))) return 2 ** (-days / halfLifeDays);
  let memo = HALVINGS.get(halfLifeDays);
  if (!memo) HALVINGS.set(halfLifeDays, (memo = new Float64Array(MEMO_DAYS).fill(Number.NaN)));
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
    return {
      id: `${this.kind}:${this.subjectId}`,
      row: 'credit',
      kind: this.kind,
      subjectId: this.subjectId,
      halfLifeDays: this.halfLifeDays,
      refDay: this.refDay,
      people: people.join(SEP),
      sums,
      counts,
      lastDays,
    };
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

/** An earlier lesson wins; on the same day the lower teacher id. */
function earlierLesson(date: IsoDate, teacherId: string, than: Lesson | undefined): boolean {
  return !than || date < than.date || (date === than.date && teacherId < than.teacherId);
}

const KINDS: readonly CreditKind[] = ['app', 'path', 'app-unpathed'];

/** The learner and teacher rows: each person's first lesson and first day teaching. */
class Lessons {
  readonly learners = new Map<string, Lesson | undefined>();
  readonly teachers = new Map<string, Taught | undefined>();
  readonly touchedLearners = new Set<string>();
  readonly touchedTeachers = new Set<string>();

  /** `tracked`: whether to note whose rows change (a write's delta), or not (the whole table). */
  constructor(private readonly tracked: boolean) {}

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
      if (earlierLesson(s.date, s.personId, this.learners.get(p)))
        this.learners.set(p, { date: s.date, teacherId: s.personId });
      if (this.tracked) this.touchedLearners.add(p);
    }
    if (taught) {
      const current = this.teachers.get(s.personId);
      if (!current || s.date < current.date) {
        this.teachers.set(s.personId, { date: s.date, learnerIds: learnersOf(s).sort() });
      } else if (s.date === current.date) {
        current.learnerIds = [...new Set([...current.learnerIds, ...learnersOf(s)])].sort();
      }
      if (this.tracked) this.touchedTeachers.add(s.personId);
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
    return lesson && { id: `learner:${personId}`, row: 'learner', personId, ...lesson };
  }

  teacherRow(personId: string): TeacherRow | undefined {
    const taught = this.teachers.get(personId);
    return taught && { id: `teacher:${personId}`, row: 'teacher', personId, ...taught };
  }

  /** Every row, for a whole table counted from scratch. */
  *rows(): Generator<LearnerRow | TeacherRow> {
    for (const p of this.learners.keys()) {
      const row = this.learnerRow(p);
      if (row) yield row;
    }
    for (const p of this.teachers.keys()) {
      const row = this.teacherRow(p);
      if (row) yield row;
    }
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
  private lessons = new Lessons(true);
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
  starts: Int32Array;
  people: Int32Array;
  sums: Float64Array;
  counts: Int32Array;
  lastDays: Int32Array;
}

/**
 * The whole table counted from scratch (a restore, an upgrade, a recount of every session):
 * `add` every session, in slices if need be, then `rows`. At 200,000 sessions a map of entries per
 * credit row cost a million map lookups and 400,000 entry objects; instead each credit is
 * appended as (row, person, day, minutes) to flat typed arrays, people and rows numbered as first
 * seen, and `rows` groups them once: a counting sort by row, then per row a slot per person found
 * through an array indexed by the person's number. The sums are the same terms added in the same
 * order as `KnowledgeCredits` adds them after scaling each row to its latest day, so the rows are
 * the same to the last bit.
 */
export class KnowledgeCreditCount {
  private lessons = new Lessons(false);
  private days = new Map<IsoDate, number>();
  private personNumbers = new Map<string, number>();
  private personIds: string[] = [];
  private rowNumbers: Record<CreditKind, Map<string, number>> = {
    app: new Map(),
    path: new Map(),
    'app-unpathed': new Map(),
  };
  private rowSubjects: string[] = [];
  /** Per row number: the latest day credited. */
  private rowLatest = new Int32Array(1024);
  /** Per credit, in the order added: its row number, person number, day and minutes. */
  private creditRows = new Int32Array(1 << 16);
  private creditPeople = new Int32Array(1 << 16);
  private creditDays = new Int32Array(1 << 16);
  private creditMinutes = new Float64Array(1 << 16);
  private size = 0;
  private scratch = new Int32Array(8);

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
    }
    return n;
  }

  private rowNumber(kind: CreditKind, subjectId: string, day: number): number {
    const rows = this.rowNumbers[kind];
    let n = rows.get(subjectId);
    if (n === undefined) {
      rows.set(subjectId, (n = this.rowSubjects.length));
      this.rowSubjects.push(subjectId);
      this.rowLatest = grown(this.rowLatest, n + 1);
      this.rowLatest[n] = day;
    } else if (day > this.rowLatest[n]!) this.rowLatest[n] = day;
    return n;
  }

  /**
   * Puts the people a session credits (`creditedPeople`), by number, at the start of `scratch`
   * (reused per session) and returns how many.
   */
  private creditedNumbers(s: KnowledgeSession): number {
    if (s.partnerIds.length >= this.scratch.length)
      this.scratch = new Int32Array(s.partnerIds.length * 2 + 1);
    const people = this.scratch;
    let n = 0;
    people[n++] = this.personNumber(s.personId);
    for (const id of s.partnerIds) {
      const person = this.personNumber(id);
      let k = 0;
      while (k < n && people[k] !== person) k++;
      if (k === n) people[n++] = person;
    }
    return n;
  }

  /**
   * Room for the most credits `sessions` can add, made once: growing the arrays by doubling
   * allocated and copied tens of megabytes over 200,000 sessions, and each large allocation
   * pressed the garbage collector into a full collection of everything the caller holds.
   */
  private reserve(sessions: readonly KnowledgeSession[]) {
    let most = this.size;
    for (const s of sessions) {
      // An app's session credits the app and its golden path (or the app's unpathed row).
      if (s.durationMinutes > 0 && (s.appId || s.goldenPathId))
        most += (s.appId ? 2 : 1) * (1 + s.partnerIds.length);
    }
    if (most <= this.creditRows.length) return;
    this.creditRows = grown(this.creditRows, most);
    this.creditPeople = grown(this.creditPeople, most);
    this.creditDays = grown(this.creditDays, most);
    this.creditMinutes = grown(this.creditMinutes, most);
  }

  /** Appends a session's credit to a row for the first `n` people of `scratch`. */
  private credit(row: number, n: number, day: number, minutes: number) {
    const end = this.size + n;
    if (end > this.creditRows.length) {
      this.creditRows = grown(this.creditRows, end);
      this.creditPeople = grown(this.creditPeople, end);
      this.creditDays = grown(this.creditDays, end);
      this.creditMinutes = grown(this.creditMinutes, end);
    }
    for (let k = 0; k < n; k++) {
      const i = this.size++;
      this.creditRows[i] = row;
      this.creditPeople[i] = this.scratch[k]!;
      this.creditDays[i] = day;
      this.creditMinutes[i] = minutes;
    }
  }

  add(sessions: readonly KnowledgeSession[]) {
    this.reserve(sessions);
    for (const s of sessions) {
      if (s.durationMinutes > 0 && (s.appId || s.goldenPathId)) {
        const day = this.dayOf(s.date);
        const credited = this.creditedNumbers(s);
        const minutes = s.durationMinutes;
        if (s.appId) this.credit(this.rowNumber('app', s.appId, day), credited, day, minutes);
        if (s.goldenPathId) this.credit(this.rowNumber('path', s.goldenPathId, day), credited, day, minutes);
        else if (s.appId) this.credit(this.rowNumber('app-unpathed', s.appId, day), credited, day, minutes);
      }
      this.lessons.add(s);
    }
  }

  /** Every row, packed one by one: the lesson rows, then the credit rows by kind. */
  *rows(): Generator<KnowledgeCreditRow> {
    yield* this.lessons.rows();
    const grouped = this.grouped();
    for (const kind of KINDS) {
      for (const [subjectId, r] of this.rowNumbers[kind]) yield this.pack(kind, subjectId, r, grouped);
    }
  }

  /**
   * A credit row from its entries in `grouped`. Loops stay out of the generator: V8 does not
   * optimise a generator's loops while they run, and these run over every entry.
   */
  private pack(kind: CreditKind, subjectId: string, r: number, grouped: Grouped): CreditRow {
    const from = grouped.starts[r]!;
    const to = grouped.starts[r + 1]!;
    const ids = new Array<string>(to - from);
    for (let k = from; k < to; k++) ids[k - from] = this.personIds[grouped.people[k]!]!;
    return {
      id: `${kind}:${subjectId}`,
      row: 'credit',
      kind,
      subjectId,
      halfLifeDays: this.halfLifeDays,
      refDay: this.rowLatest[r]!,
      people: ids.join(SEP),
      sums: grouped.sums.slice(from, to),
      counts: grouped.counts.slice(from, to),
      lastDays: grouped.lastDays.slice(from, to),
    };
  }

  /** Every row's entries, row after row: row `r`'s from `starts[r]` to `starts[r + 1]`. */
  private grouped(): Grouped {
    const { size, creditRows, creditPeople, creditDays, creditMinutes, halfLifeDays, rowLatest } = this;
    const rowCount = this.rowSubjects.length;
    // The credits of each row together, in the order added: a counting sort by row number.
    const next = new Int32Array(rowCount + 1);
    for (let i = 0; i < size; i++) next[creditRows[i]! + 1]! += 1;
    for (let r = 0; r < rowCount; r++) next[r + 1]! += next[r]!;
    // Moved in one sequential read (each row's next place is a short run of writes): reading the
    // credits through an order of indexes instead costs a cache miss per array per credit.
    const byRowPeople = new Int32Array(size);
    const byRowDays = new Int32Array(size);
    const byRowMinutes = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const at = next[creditRows[i]!]!++;
      byRowPeople[at] = creditPeople[i]!;
      byRowDays[at] = creditDays[i]!;
      byRowMinutes[at] = creditMinutes[i]!;
    }
    // Then each row's credits summed per person, a slot per person in the order first credited:
    // `slotRow` and `slotOf` say which row a person last had a slot in, and which slot.
    const slotRow = new Int32Array(this.personIds.length).fill(-1);
    const slotOf = new Int32Array(this.personIds.length);
    const starts = new Int32Array(rowCount + 1);
    const people = new Int32Array(size);
    const sums = new Float64Array(size);
    const counts = new Int32Array(size);
    const lastDays = new Int32Array(size);
    let n = 0;
    let j = 0;
    for (let r = 0; r < rowCount; r++) {
      starts[r] = n;
      const refDay = rowLatest[r]!;
      for (; j < next[r]!; j++) {
        const person = byRowPeople[j]!;
        const day = byRowDays[j]!;
        const term = byRowMinutes[j]! * halving(refDay - day, halfLifeDays);
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
    starts[rowCount] = n;
    return { starts, people, sums, counts, lastDays };
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
