/**
 * The knowledge map: how the platform's knowledge spread and where it sits now.
 *
 * - **Seeding lineage** — who seeded whom, as generations from the first team outward. A
 *   *lesson* is a seeding assignment (the seeder teaches every member of the target team, from
 *   its start date) or a pairing session (the person who paired teaches each partner, on its
 *   date). A person's seeder is the teacher of their first lesson; a person who taught before
 *   anyone taught them (the platform team, typically) is a root, generation 0. Each lineage is a
 *   tree: a seeder's first lesson comes strictly before the first lesson of anyone they seeded,
 *   so no one descends from themselves.
 * - **Holders** — for each golden path and each onboarded app, who holds its knowledge. A
 *   session credits its duration in hours to the person who paired and to each partner, for
 *   its app and for its golden path (the session's own, else every golden path the app uses); a
 *   seeding assignment credits the seeder an hour for each day it lasted, for its app (or, with
 *   no app, for the target team's onboarded apps). Older credit counts less: it halves every
 *   `halfLifeDays` (180 days by default, two quarters), so a day of pairing two years ago
 *   weighs what half an hour did yesterday. A holder has at least `thresholdHours` of decayed
 *   credit (1 hour by default).
 * - **Single points of knowledge** — a holder who is the only holder of a subject within their
 *   own team: if they leave, the team loses it (and when they are its only holder anywhere,
 *   the program does).
 * - **What-if** — given people who leave: the golden paths and apps that lose their last
 *   holder, and per team the subjects whose last holder in that team leaves.
 *
 * The sessions reach the map summarised (./knowledge-credits.ts: per subject and person the
 * decayed credit in factorised form, per person their first lesson and first day teaching), so
 * the screen reads that derived table and never the 200,000 sessions; given sessions, the map
 * summarises them first. Every pass is linear in the people, apps, assignments and summary rows
 * (plus sorting the people of the lineage and each subject's holders).
 */
import type { AppStage } from './apps';
import { isoOfDay, minIsoDate, type IsoDate } from './dates';
import {
  creditedPeople,
  creditSubjects,
  creditWeights,
  dayNumber,
  knowledgeCreditRows,
  type CreditKind,
  type CreditRow,
  type KnowledgeCreditRow,
} from './knowledge-credits';

/** Credit halves every this many days. */
export const KNOWLEDGE_HALF_LIFE_DAYS = 180;
/** The decayed hours that make a person a holder. */
export const HOLDER_THRESHOLD_HOURS = 1;
/** What a seeding assignment credits the seeder, per day it lasts. */
export const SEEDING_HOURS_PER_DAY = 1;

/** The apps whose knowledge the map follows: onboarding or on the platform. */
export const ONBOARDED_STAGES: readonly AppStage[] = ['onboarding', 'on-platform'];

export interface KnowledgePerson {
  id: string;
  name: string;
  teamId: string | null;
  /** The day they left the program: they stay in the lineage, and hold nothing any more. */
  leftOn?: IsoDate | null;
}
export interface KnowledgeApp {
  id: string;
  teamId: string | null;
  stage: AppStage;
  goldenPathIds: readonly string[];
}
export interface KnowledgeAssignment {
  kind: 'pairing' | 'seeding';
  personId: string;
  targetTeamId: string | null;
  appId: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
}
export interface KnowledgeSession {
  date: IsoDate;
  durationMinutes: number;
  personId: string;
  partnerIds: readonly string[];
  appId: string | null;
  /** The golden path the session worked on, when it names one. */
  goldenPathId?: string | null;
}

export interface KnowledgeInput {
  people: readonly KnowledgePerson[];
  apps: readonly KnowledgeApp[];
  goldenPaths: readonly { id: string }[];
  assignments: readonly KnowledgeAssignment[];
  /**
   * Every pairing session; or, in place of them, `credits` (the derived table's rows,
   * ./knowledge-credits.ts) with `futureSessions` and `lessonSessions`.
   */
  sessions?: readonly KnowledgeSession[];
  /** The sessions summarised (./knowledge-credits.ts), scaled with this map's half-life. */
  credits?: readonly KnowledgeCreditRow[];
  /** With `credits`: the sessions dated after `today` (they count undecayed). */
  futureSessions?: readonly KnowledgeSession[];
  /**
   * With `credits`: for each person `lessonSuspects` names, every session naming them (as the
   * person who paired or a partner), to find their lessons among the people known.
   */
  lessonSessions?: ReadonlyMap<string, readonly KnowledgeSession[]>;
  /** The day the decay counts from. */
  today: IsoDate;
  halfLifeDays?: number;
  thresholdHours?: number;
}

export type LessonKind = 'seeding' | 'pairing';

export interface LineageNode {
  personId: string;
  /** Who seeded them: the teacher of their first lesson; null for a root. */
  seededBy: string | null;
  /** How that first lesson came: a seeding assignment or a pairing session; null for a root. */
  via: LessonKind | null;
  /** The day of their first lesson; for a root, the day they first taught. */
  since: IsoDate;
  /** 0 for a root, else one more than their seeder's. */
  generation: number;
  /** The people they seeded, by name. */
  children: string[];
  /** They left the program (still part of who seeded whom). */
  left: boolean;
}

export interface Lineage {
  nodes: ReadonlyMap<string, LineageNode>;
  /** The roots (generation 0), by name. */
  roots: string[];
  /** Person ids per generation: generations[0] are the roots; each generation in tree order. */
  generations: string[][];
}

export type SubjectKind = 'app' | 'golden-path';

export interface Holder {
  personId: string;
  /** Decayed hours of credit. */
  weight: number;
  /** The day of their latest credit. */
  lastDate: IsoDate;
}

export interface KnowledgeSubject {
  kind: SubjectKind;
  id: string;
  /** Holders by weight, heaviest first; empty when no one holds it. */
  holders: Holder[];
  /** Per team id, the holders in that team (people without a team are not listed). */
  holdersByTeam: ReadonlyMap<string, readonly string[]>;
}

export interface SinglePoint {
  kind: SubjectKind;
  id: string;
  teamId: string;
  /** Also the subject's only holder anywhere: the program loses it with them. */
  onlyHolder: boolean;
}

export interface KnowledgeMap {
  lineage: Lineage;
  goldenPaths: KnowledgeSubject[];
  apps: KnowledgeSubject[];
  /** Per person: the subjects they alone hold within their team. Only people with at least one. */
  singlePoints: ReadonlyMap<string, readonly SinglePoint[]>;
  /** Per person: the subjects they hold, so a departure looks at theirs only. */
  heldBy: ReadonlyMap<string, readonly KnowledgeSubject[]>;
}

const VIA: readonly LessonKind[] = ['seeding', 'pairing'];

/** Names in the order people read them: case and accents aside, numbers by value. */
const NAME_ORDER = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Groups values by a key, in the order given. */
function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/** People by position, so the passes below index arrays instead of hashing ids. */
function indexPeople(people: readonly KnowledgePerson[]): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((p, i) => index.set(p.id, i));
  return index;
}

/** A person's first pairing lesson and the first day they paired, among the people known. */
interface PairingLessons {
  /** Per learner: the earliest session naming them as a partner, and who paired (lowest id on a tie). */
  learned: Map<string, { date: IsoDate; teacherId: string }>;
  /** Per teacher: the first day they paired with someone known. */
  taught: Map<string, IsoDate>;
}

/** The pairing lessons of sessions, between people `known` has. */
function lessonsOfSessions(
  sessions: Iterable<KnowledgeSession>,
  known: ReadonlyMap<string, unknown>,
  into: PairingLessons = { learned: new Map(), taught: new Map() },
  only?: (personId: string) => boolean,
): PairingLessons {
  const { learned, taught } = into;
  for (const s of sessions) {
    if (!known.has(s.personId)) continue;
    for (const learner of s.partnerIds) {
      if (learner === s.personId || !known.has(learner)) continue;
      if (!only || only(learner)) {
        const current = learned.get(learner);
        if (!current || s.date < current.date || (s.date === current.date && s.personId < current.teacherId))
          learned.set(learner, { date: s.date, teacherId: s.personId });
      }
      if (!only || only(s.personId)) {
        const out = taught.get(s.personId);
        if (out === undefined || s.date < out) taught.set(s.personId, s.date);
      }
    }
  }
  return into;
}

/**
 * The people whose stored lesson rows (./knowledge-credits.ts) name someone unknown: a learner
 * whose first teacher is not among `people`, a teacher none of whose first partners is. Their
 * lessons are counted again from their own sessions (`KnowledgeInput.lessonSessions`).
 */
export function lessonSuspects(
  rows: readonly KnowledgeCreditRow[],
  people: readonly { id: string }[],
): string[] {
  const known = new Set(people.map((p) => p.id));
  const out: string[] = [];
  for (const row of rows) {
    if (row.row === 'learner') {
      if (known.has(row.personId) && !known.has(row.teacherId)) out.push(row.personId);
    } else if (row.row === 'teacher') {
      if (known.has(row.personId) && !row.learnerIds.some((id) => known.has(id))) out.push(row.personId);
    }
  }
  return out;
}

/** The pairing lessons from the input: its sessions, or the stored rows with the suspects' sessions. */
function pairingLessons(input: LineageInput, known: ReadonlyMap<string, unknown>): PairingLessons {
  if (input.sessions) return lessonsOfSessions(input.sessions, known);
  const lessons: PairingLessons = { learned: new Map(), taught: new Map() };
  const suspects = new Set(lessonSuspects(input.credits ?? [], input.people));
  for (const row of input.credits ?? []) {
    if (row.row === 'credit' || suspects.has(row.personId) || !known.has(row.personId)) continue;
    if (row.row === 'learner')
      lessons.learned.set(row.personId, { date: row.date, teacherId: row.teacherId });
    else lessons.taught.set(row.personId, row.date);
  }
  for (const personId of suspects) {
    const sessions = input.lessonSessions?.get(personId);
    if (!sessions) throw new Error(`The sessions of ${personId} are needed to find their lessons`);
    lessonsOfSessions(sessions, known, lessons, (id) => id === personId);
  }
  return lessons;
}

type LineageInput = Pick<
  KnowledgeInput,
  'people' | 'apps' | 'assignments' | 'sessions' | 'credits' | 'lessonSessions'
>;

/** Builds the lineage from the lessons of seeding assignments and pairing sessions. */
export function buildLineage(input: LineageInput): Lineage {
  const { people } = input;
  const index = indexPeople(people);
  const members = groupBy(people.keys(), (i) => people[i]!.teamId);
  const appTeam = new Map(input.apps.map((a) => [a.id, a.teamId]));
  // Per person: their first lesson (date, teacher, 0 seeding / 1 pairing) and the day they first taught.
  const inDate: (IsoDate | undefined)[] = new Array(people.length);
  const inTeacher = new Int32Array(people.length);
  const inVia = new Uint8Array(people.length);
  const outDate: (IsoDate | undefined)[] = new Array(people.length);
  /** An earlier lesson wins; on the same day a seeding beats a pairing, then the lower teacher id. */
  const teach = (teacher: number, learner: number, date: IsoDate, via: number) => {
    if (teacher === learner) return;
    const out = outDate[teacher];
    if (out === undefined || date < out) outDate[teacher] = date;
    const current = inDate[learner];
    if (
      current === undefined ||
      date < current ||
      (date === current &&
        (via < inVia[learner]! ||
          (via === inVia[learner] && people[teacher]!.id < people[inTeacher[learner]!]!.id)))
    ) {
      inDate[learner] = date;
      inTeacher[learner] = teacher;
      inVia[learner] = via;
    }
  };
  for (const a of input.assignments) {
    const seeder = index.get(a.personId);
    if (a.kind !== 'seeding' || seeder === undefined) continue;
    // The seeder teaches the target team's members (or the app's team's).
    const teamId = a.targetTeamId ?? (a.appId !== null ? (appTeam.get(a.appId) ?? null) : null);
    for (const learner of (teamId !== null && members.get(teamId)) || [])
      teach(seeder, learner, a.startDate, 0);
  }
  const { learned, taught } = pairingLessons(input, index);
  for (const [learnerId, { date, teacherId }] of learned)
    teach(index.get(teacherId)!, index.get(learnerId)!, date, 1);
  for (const [teacherId, date] of taught) {
    const teacher = index.get(teacherId)!;
    const out = outDate[teacher];
    if (out === undefined || date < out) outDate[teacher] = date;
  }

  const nodes = new Map<string, LineageNode>();
  const roots: string[] = [];
  people.forEach((person, i) => {
    const lesson = inDate[i];
    const out = outDate[i];
    if (lesson === undefined && out === undefined) return;
    const isRoot = lesson === undefined || (out !== undefined && out <= lesson);
    nodes.set(person.id, {
      personId: person.id,
      seededBy: isRoot ? null : people[inTeacher[i]!]!.id,
      via: isRoot ? null : VIA[inVia[i]!]!,
      since: isRoot ? out! : lesson,
      generation: 0,
      children: [],
      left: Boolean(person.leftOn),
    });
    if (isRoot) roots.push(person.id);
  });
  for (const node of nodes.values()) {
    if (node.seededBy !== null) nodes.get(node.seededBy)!.children.push(node.personId);
  }
  const byName = (a: string, b: string) =>
    NAME_ORDER.compare(people[index.get(a)!]!.name, people[index.get(b)!]!.name) ||
    (a < b ? -1 : a > b ? 1 : 0);
  roots.sort(byName);
  for (const node of nodes.values()) node.children.sort(byName);

  // Breadth first from the roots: each generation in the order of its seeders.
  const generations: string[][] = [];
  let layer = roots;
  while (layer.length > 0) {
    generations.push(layer);
    const next: string[] = [];
    for (const id of layer) {
      for (const child of nodes.get(id)!.children) {
        nodes.get(child)!.generation = generations.length;
        next.push(child);
      }
    }
    layer = next;
  }
  return { nodes, roots, generations };
}

/** No day yet: below every day number. */
const NO_DAY = -(2 ** 31);

/** A growable pair of typed arrays: decayed hours and the latest day, per slot. */
class CreditSlots {
  weight = new Float64Array(1024);
  last = new Int32Array(1024);
  size = 0;

  /** A new slot, zero hours, no day yet. */
  open(): number {
    if (this.size === this.weight.length) {
      const weight = new Float64Array(this.size * 2);
      weight.set(this.weight);
      const last = new Int32Array(this.size * 2);
      last.set(this.last);
      this.weight = weight;
      this.last = last;
    }
    this.last[this.size] = NO_DAY;
    return this.size++;
  }
}

/**
 * Decayed credit per subject and person, from sessions and seeding assignments. Hot loop over
 * two million credits at scale: people, golden paths and days are numbered; a golden path's
 * credit sits in a dense paths × people array, an app's in slots found by app × people + person
 * (a small integer key), so no credit allocates.
 */
function creditHolders(
  input: Omit<KnowledgeInput, 'lessonSessions'>,
  halfLifeDays: number,
  threshold: number,
) {
  const { people, goldenPaths } = input;
  const P = people.length;
  const personIndex = indexPeople(people);
  const pathIndex = new Map(goldenPaths.map((g, i) => [g.id, i]));
  const onboarded = input.apps.filter((a) => ONBOARDED_STAGES.includes(a.stage));
  const onboardedByTeam = groupBy(onboarded, (a) => a.teamId);
  const onboardedIndex = new Map(onboarded.map((a, i) => [a.id, i]));
  // Per app id: its number among the onboarded apps (if it is one), and those of its golden paths.
  const appInfo = new Map(
    input.apps.map((a) => [
      a.id,
      {
        app: onboardedIndex.get(a.id),
        paths: a.goldenPathIds.map((id) => pathIndex.get(id)).filter((i) => i !== undefined),
      },
    ]),
  );
  const NO_APP = { app: undefined, paths: [] as number[] };
  const today = dayNumber(input.today);

  const pathWeight = new Float64Array(goldenPaths.length * P);
  const pathLast = new Int32Array(goldenPaths.length * P).fill(NO_DAY);
  const appSlots = new CreditSlots();
  const appSlotOf = new Map<number, number>();

  /** Credits one person `weight` decayed hours, on `day`, for an onboarded app (if any) and golden paths. */
  const credit = (
    person: number,
    app: number | undefined,
    paths: readonly number[],
    weight: number,
    day: number,
  ) => {
    if (app !== undefined) {
      const key = app * P + person;
      let slot = appSlotOf.get(key);
      if (slot === undefined) appSlotOf.set(key, (slot = appSlots.open()));
      appSlots.weight[slot]! += weight;
      if (day > appSlots.last[slot]!) appSlots.last[slot] = day;
    }
    for (const path of paths) {
      const at = path * P + person;
      pathWeight[at]! += weight;
      if (day > pathLast[at]!) pathLast[at] = day;
    }
  };
  /** Where a credit row's hours go: an onboarded app, golden paths; undefined when nowhere. */
  const targetsOf = (kind: CreditKind, id: string): { app: number | undefined; paths: readonly number[] } => {
    if (kind === 'path') {
      const path = pathIndex.get(id);
      return { app: undefined, paths: path === undefined ? [] : [path] };
    }
    const info = appInfo.get(id) ?? NO_APP;
    return kind === 'app' ? { app: info.app, paths: [] } : { app: undefined, paths: info.paths };
  };
  // The sessions, summarised per subject and person (./knowledge-credits.ts).
  const rows = input.credits ?? knowledgeCreditRows(input.sessions ?? [], halfLifeDays);
  for (const row of rows) {
    if (row.row !== 'credit') continue;
    if (row.halfLifeDays !== halfLifeDays) throw new Error(`Credit row ${row.id} has another half-life`);
    const { app, paths } = targetsOf(row.kind, row.subjectId);
    if (app === undefined && paths.length === 0) continue;
    const { people: ids, weights } = creditWeights(row as CreditRow, today);
    for (let i = 0; i < ids.length; i++) {
      const person = personIndex.get(ids[i]!);
      if (person !== undefined) credit(person, app, paths, weights[i]!, row.lastDays[i]!);
    }
  }
  // A session dated after today counts undecayed: the rows above weighed it 2^(days ahead / h).
  const future = input.credits
    ? (input.futureSessions ?? [])
    : (input.sessions ?? []).filter((s) => s.date > input.today);
  for (const s of future) {
    const ahead = dayNumber(s.date) - today;
    if (!(ahead > 0)) continue;
    const correction = (s.durationMinutes / 60) * (1 - 2 ** (ahead / halfLifeDays));
    const people = creditedPeople(s);
    for (const [kind, id] of creditSubjects(s)) {
      const { app, paths } = targetsOf(kind, id);
      for (const personId of people) {
        const person = personIndex.get(personId);
        if (person !== undefined) credit(person, app, paths, correction, NO_DAY);
      }
    }
  }
  for (const a of input.assignments) {
    if (a.kind !== 'seeding' || a.startDate > input.today) continue;
    const last = minIsoDate(a.endDate ?? input.today, input.today);
    const day = dayNumber(last);
    const weight =
      (day - dayNumber(a.startDate) + 1) *
      SEEDING_HOURS_PER_DAY *
      0.5 ** (Math.max(0, today - day) / halfLifeDays);
    const seeded: readonly string[] =
      a.appId !== null
        ? [a.appId]
        : a.targetTeamId !== null
          ? (onboardedByTeam.get(a.targetTeamId) ?? []).map((app) => app.id)
          : [];
    const person = personIndex.get(a.personId);
    if (person === undefined) continue;
    for (const appId of seeded) {
      const { app, paths } = appInfo.get(appId) ?? NO_APP;
      credit(person, app, paths, weight, day);
    }
  }

  const isoOf = new Map<number, IsoDate>();
  const holderOf = (person: number, weight: number, day: number): Holder => {
    let lastDate = isoOf.get(day);
    if (lastDate === undefined) isoOf.set(day, (lastDate = isoOfDay(day)));
    return { personId: people[person]!.id, weight, lastDate };
  };
  // People who left hold nothing now (their past credit stays with the lineage only).
  const gone = new Uint8Array(P);
  people.forEach((p, i) => (gone[i] = p.leftOn ? 1 : 0));
  const appHolders: Holder[][] = onboarded.map(() => []);
  appSlotOf.forEach((slot, key) => {
    const weight = appSlots.weight[slot]!;
    const person = key % P;
    if (weight < threshold || gone[person]) return;
    appHolders[(key - person) / P]!.push(holderOf(person, weight, appSlots.last[slot]!));
  });
  const pathHolders: Holder[][] = goldenPaths.map((_, path) => {
    const list: Holder[] = [];
    for (let person = 0, at = path * P; person < P; person++, at++) {
      if (pathWeight[at]! >= threshold && !gone[person])
        list.push(holderOf(person, pathWeight[at]!, pathLast[at]!));
    }
    return list;
  });
  const subject = (kind: SubjectKind, id: string, holders: Holder[]): KnowledgeSubject => {
    holders.sort((a, b) => b.weight - a.weight || (a.personId < b.personId ? -1 : 1));
    const holdersByTeam = new Map<string, string[]>();
    for (const h of holders) {
      const teamId = people[personIndex.get(h.personId)!]!.teamId;
      if (teamId === null) continue;
      const team = holdersByTeam.get(teamId);
      if (team) team.push(h.personId);
      else holdersByTeam.set(teamId, [h.personId]);
    }
    return { kind, id, holders, holdersByTeam };
  };
  return {
    goldenPaths: goldenPaths.map((g, i) => subject('golden-path', g.id, pathHolders[i]!)),
    apps: onboarded.map((a, i) => subject('app', a.id, appHolders[i]!)),
  };
}

/** Everything of the map but the lineage: what the sessions and seeding say about who holds what. */
export type KnowledgeHolders = Omit<KnowledgeMap, 'lineage'>;

/**
 * The holders of every golden path and onboarded app (in the order given), the single points of
 * knowledge, and what each person holds: the heavy part of the map (a pass over every credit
 * row), apart so the page can draw the lineage first and weigh the holders off its thread.
 */
export function buildKnowledgeHolders(input: Omit<KnowledgeInput, 'lessonSessions'>): KnowledgeHolders {
  const { goldenPaths, apps } = creditHolders(
    input,
    input.halfLifeDays ?? KNOWLEDGE_HALF_LIFE_DAYS,
    input.thresholdHours ?? HOLDER_THRESHOLD_HOURS,
  );
  const subjects = [...goldenPaths, ...apps];
  const heldBy = new Map<string, KnowledgeSubject[]>();
  for (const subject of subjects) {
    for (const { personId } of subject.holders) {
      const list = heldBy.get(personId);
      if (list) list.push(subject);
      else heldBy.set(personId, [subject]);
    }
  }
  return { goldenPaths, apps, singlePoints: singlePointsOf(subjects), heldBy };
}

/**
 * The whole map: lineage, holders of every golden path and onboarded app (in the order given),
 * and the single points of knowledge.
 */
export function buildKnowledgeMap(input: KnowledgeInput): KnowledgeMap {
  const holders = buildKnowledgeHolders(input);
  return { lineage: buildLineage(input), ...holders };
}

/** Per person, the subjects they alone hold within their team. */
export function singlePointsOf(subjects: readonly KnowledgeSubject[]): Map<string, SinglePoint[]> {
  const out = new Map<string, SinglePoint[]>();
  for (const subject of subjects) {
    for (const [teamId, holders] of subject.holdersByTeam) {
      if (holders.length !== 1) continue;
      const personId = holders[0]!;
      const point: SinglePoint = {
        kind: subject.kind,
        id: subject.id,
        teamId,
        onlyHolder: subject.holders.length === 1,
      };
      const list = out.get(personId);
      if (list) list.push(point);
      else out.set(personId, [point]);
    }
  }
  return out;
}

export interface SubjectRef {
  kind: SubjectKind;
  id: string;
}

export interface DepartureImpact {
  /** Golden paths whose every holder leaves. */
  goldenPaths: string[];
  /** Onboarded apps whose every holder leaves. */
  apps: string[];
  /** Per team id: the subjects whose every holder in that team leaves. */
  teams: Map<string, SubjectRef[]>;
}

/**
 * What a departure costs: given the people who leave, the golden paths and apps that lose their
 * last holder, and for each team the subjects that lose their last holder in that team.
 * Subjects no one holds today are not counted (they have nothing left to lose).
 */
export function departureImpact(map: KnowledgeMap, leaving: ReadonlySet<string>): DepartureImpact {
  const impact: DepartureImpact = { goldenPaths: [], apps: [], teams: new Map() };
  // Only what the leavers hold can lose its last holder; kept in the map's order.
  const touched = new Set<KnowledgeSubject>();
  for (const personId of leaving) for (const subject of map.heldBy.get(personId) ?? []) touched.add(subject);
  if (touched.size === 0) return impact;
  for (const subject of [...map.goldenPaths, ...map.apps]) {
    if (!touched.has(subject)) continue;
    if (subject.holders.every((h) => leaving.has(h.personId))) {
      (subject.kind === 'app' ? impact.apps : impact.goldenPaths).push(subject.id);
    }
    for (const [teamId, holders] of subject.holdersByTeam) {
      if (!holders.every((id) => leaving.has(id))) continue;
      const list = impact.teams.get(teamId);
      const ref = { kind: subject.kind, id: subject.id };
      if (list) list.push(ref);
      else impact.teams.set(teamId, [ref]);
    }
  }
  return impact;
}
