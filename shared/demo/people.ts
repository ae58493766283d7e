/**
 * Demo area: the people — the platform team with its roles, the executive sponsor, the product
 * teams' managers and developers (entered when their team is about to join), infrastructure and
 * security staff. Developers become able to seed others a couple of cycles after their own team
 * was seeded, which is what lets the seeding lineage grow generation by generation.
 */
import { addDaysIso, minIsoDate, type IsoDate, type Person, type Role } from '../domain';
import type { DemoContext, DemoTables } from './context';
import { must } from './helpers';
import type { ProgramFacts } from './program';
import * as story from './story';
import type { TeamFacts } from './teams';

export interface PeopleFacts extends DemoTables<'people'> {
  /** The members of a team, by its script key, in the order they were entered. */
  teamMembers(key: string): Person[];
  platformOwner: Person;
  /** The platform team's advocates. */
  advocates: Person[];
  /** The platform engineers who can seed others. */
  seedingEngineers: Person[];
  /** The platform operators who can seed others. */
  seedingOperators: Person[];
  /** A team's developers and engineers who can seed others. */
  seedersOf(key: string): Person[];
}

export function demoPeople({
  today,
  rng,
  stamp,
  programStart,
  setUpOn,
  activeIndex,
  cyclePlan,
  teamOf,
  teamScript,
}: DemoContext & ProgramFacts & TeamFacts): PeopleFacts {
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const name = `${rng.pick(story.FIRST_NAMES)} ${rng.pick(story.LAST_NAMES)}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const people: Person[] = [];
  const members = new Map<string, Person[]>();
  const addPerson = (
    teamKey: string | null,
    roles: Role[],
    canSeed: boolean,
    notes: string,
    created: IsoDate,
    updated = created,
  ) => {
    const person: Person = stamp(
      {
        name: personName(),
        teamId: teamKey ? teamOf(teamKey).id : null,
        roles,
        canSeed,
        notes,
        leftOn: null,
      },
      created,
      updated,
    );
    people.push(person);
    if (teamKey) members.set(teamKey, [...(members.get(teamKey) ?? []), person]);
    return person;
  };

  const platformRoles: [Role[], boolean, string][] = [
    [['platform-owner'], false, 'Owns Nimbus as a product and runs the program.'],
    [['product-manager'], false, 'Platform product manager.'],
    [['advocate'], true, 'Platform advocate: pairing, office hours and the newsletter.'],
    [['advocate', 'engineer'], true, 'Platform advocate and engineer.'],
    [['engineer'], true, ''],
    [['engineer'], true, ''],
    [['engineer'], true, ''],
    [['engineer'], true, ''],
    [['engineer'], false, 'Joined the platform team this year.'],
    [['operator'], true, ''],
    [['operator'], true, ''],
    [['operator'], false, 'Moved from infrastructure operations.'],
  ];
  for (const [roles, canSeed, notes] of platformRoles)
    addPerson(story.PLATFORM_TEAM, roles, canSeed, notes, setUpOn);
  addPerson(null, ['executive-sponsor'], false, story.EXECUTIVE_NOTE, setUpOn);

  for (const script of story.TEAMS) {
    if (script.kind !== 'product') continue;
    const joins = script.joins;
    // People are entered when their team is about to join: a few weeks ago for the team lined up next.
    const created =
      joins === undefined
        ? addDaysIso(programStart, -7)
        : minIsoDate(addDaysIso(cyclePlan(joins).startDate, -14), addDaysIso(today, -20));
    for (let i = 0; i < script.size; i++) {
      const isManager = script.size >= 4 && i === 0;
      const devRank = script.size >= 4 ? i - 1 : i;
      // Developers become seeders two cycles after their team was seeded: the lead first, a second one later.
      // The first developer team seeds two teams at once in cycle 2, so its second developer starts early.
      const seedsFrom =
        devRank === 0 ? 2 : devRank === 1 ? (script.key === story.FIRST_DEV_TEAM ? 2 : 4) : Infinity;
      const canSeed = !isManager && joins !== undefined && joins + seedsFrom <= activeIndex;
      const seederSince = canSeed && joins !== undefined ? cyclePlan(joins + seedsFrom).startDate : created;
      addPerson(
        script.key,
        isManager ? ['product-manager'] : ['developer'],
        canSeed,
        isManager
          ? `Product manager of ${script.name}.`
          : devRank === 0
            ? `Lead developer of ${script.name}.`
            : '',
        created,
        seederSince,
      );
    }
  }
  for (let i = 0; i < teamScript(story.INFRA_TEAM).size; i++) {
    const roles: Role[] = i < 2 ? ['infrastructure-staff', 'operator'] : ['infrastructure-staff'];
    addPerson(
      story.INFRA_TEAM,
      roles,
      i < 3,
      i === 0 ? 'Leads the data center and network teams.' : '',
      setUpOn,
    );
  }
  for (let i = 0; i < teamScript(story.SECURITY_TEAM).size; i++) {
    const notes = ['Security architect.', 'Compliance lead.', 'Security engineer.', 'Risk analyst.'][i] ?? '';
    addPerson(story.SECURITY_TEAM, i === 1 ? ['product-manager'] : ['engineer'], i === 0, notes, setUpOn);
  }

  const teamMembers = (key: string) => members.get(key) ?? [];
  const platform = teamMembers(story.PLATFORM_TEAM);
  return {
    people,
    teamMembers,
    platformOwner: must(platform[0], 'platform owner'),
    advocates: platform.filter((p) => p.roles.includes('advocate')),
    seedingEngineers: platform.filter((p) => p.roles.includes('engineer') && p.canSeed),
    seedingOperators: platform.filter((p) => p.roles.includes('operator') && p.canSeed),
    seedersOf: (key) =>
      teamMembers(key).filter((p) => p.canSeed && p.roles.some((r) => r === 'developer' || r === 'engineer')),
  };
}
