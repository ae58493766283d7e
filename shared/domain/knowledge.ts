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
 * Every pass is linear in the people, apps, assignments and sessions (plus sorting the
 * people of the lineage and each subject's holders), so 5,000 people and 200,000 sessions take
 * a fraction of a second.
 */
import type { AppStage } from './apps';
import { minIsoDate, type IsoDate } from './dates';

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
  sessions: readonly KnowledgeSession[];
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

/**
 * A calendar date's day number (days since 1970-01-01), for differences: a few thousand dates
 * are aged here, and date-fns' difference (which builds and compares two zoned dates) costs
 * more than the whole pass over the sessions. Equal to daysBetween for any real date.
 */
function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

/** People by position, so the passes below index arrays instead of hashing ids. */
function indexPeople(people: readonly KnowledgePerson[]): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((p, i) => index.set(p.id, i));
  return index;
}

/** Builds the lineage from the lessons of seeding assignments and pairing sessions. */
export function buildLineage(
  input: Pick<KnowledgeInput, 'people' | 'apps' | 'assignments' | 'sessions'>,
): Lineage {
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
  for (const s of input.sessions) {
    const teacher = index.get(s.personId);
    if (teacher === undefined) continue;
    for (const partner of s.partnerIds) {
      const learner = index.get(partner);
      if (learner !== undefined) teach(teacher, learner, s.date, 1);
    }
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
    this.last[this.size] = -1;
    return this.size++;
  }
}

/**
 * Decayed credit per subject and person, from sessions and seeding assignments. Hot loop over
 * two million credits at scale: people, golden paths and days are numbered; a golden path's
 * credit sits in a dense paths × people array, an app's in slots found by app × people + person
 * (a small integer key), so no credit allocates.
 */
function creditHolders(input: KnowledgeInput, halfLifeDays: number, threshold: number) {
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

  // Days, numbered as first seen, with their age and decay: a few thousand in ten years.
  const days: IsoDate[] = [];
  const ageOf: number[] = [];
  const decayOf: number[] = [];
  const dayIndex = new Map<IsoDate, number>();
  const dayOf = (date: IsoDate) => {
    let day = dayIndex.get(date);
    if (day === undefined) {
      day = days.length;
      dayIndex.set(date, day);
      days.push(date);
      const age = Math.max(0, today - dayNumber(date));
      ageOf.push(age);
      decayOf.push(0.5 ** (age / halfLifeDays));
    }
    return day;
  };
  const later = (day: number, than: number) => than < 0 || ageOf[day]! < ageOf[than]!;

  const pathWeight = new Float64Array(goldenPaths.length * P);
  const pathLast = new Int32Array(goldenPaths.length * P).fill(-1);
  const appSlots = new CreditSlots();
  const appSlotOf = new Map<number, number>();

  /** Credits one person `weight` decayed hours, on `day`, for an onboarded app (if any) and golden paths. */
  const credit = (
    personId: string,
    app: number | undefined,
    paths: readonly number[],
    weight: number,
    day: number,
  ) => {
    const person = personIndex.get(personId);
    if (person === undefined) return;
    if (app !== undefined) {
      const key = app * P + person;
      let slot = appSlotOf.get(key);
      if (slot === undefined) appSlotOf.set(key, (slot = appSlots.open()));
      appSlots.weight[slot]! += weight;
      if (later(day, appSlots.last[slot]!)) appSlots.last[slot] = day;
    }
    for (const path of paths) {
      const at = path * P + person;
      pathWeight[at]! += weight;
      if (later(day, pathLast[at]!)) pathLast[at] = day;
    }
  };
  for (const s of input.sessions) {
    if (!(s.durationMinutes > 0)) continue;
    const { app, paths: appPaths } = (s.appId !== null && appInfo.get(s.appId)) || NO_APP;
    // The session's own golden path, else every one its app uses.
    const own = s.goldenPathId ? pathIndex.get(s.goldenPathId) : undefined;
    const paths = own !== undefined ? [own] : s.goldenPathId ? [] : appPaths;
    const day = dayOf(s.date);
    const weight = (s.durationMinutes / 60) * decayOf[day]!;
    credit(s.personId, app, paths, weight, day);
    // Each partner once, and not again when listed as the person who paired.
    const partners = s.partnerIds;
    for (let i = 0; i < partners.length; i++) {
      const partner = partners[i]!;
      if (partner !== s.personId && partners.indexOf(partner) === i) credit(partner, app, paths, weight, day);
    }
  }
  for (const a of input.assignments) {
    if (a.kind !== 'seeding' || a.startDate > input.today) continue;
    const last = minIsoDate(a.endDate ?? input.today, input.today);
    const day = dayOf(last);
    const weight = (dayNumber(last) - dayNumber(a.startDate) + 1) * SEEDING_HOURS_PER_DAY * decayOf[day]!;
    const seeded: readonly string[] =
      a.appId !== null
        ? [a.appId]
        : a.targetTeamId !== null
          ? (onboardedByTeam.get(a.targetTeamId) ?? []).map((app) => app.id)
          : [];
    for (const appId of seeded) {
      const { app, paths } = appInfo.get(appId) ?? NO_APP;
      credit(a.personId, app, paths, weight, day);
    }
  }

  const holderOf = (person: number, weight: number, day: number): Holder => ({
    personId: people[person]!.id,
    weight,
    lastDate: days[day]!,
  });
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

/**
 * The whole map: lineage, holders of every golden path and onboarded app (in the order given),
 * and the single points of knowledge.
 */
export function buildKnowledgeMap(input: KnowledgeInput): KnowledgeMap {
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
  return {
    lineage: buildLineage(input),
    goldenPaths,
    apps,
    singlePoints: singlePointsOf(subjects),
    heldBy,
  };
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
