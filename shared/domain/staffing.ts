/**
 * The staffing check of the initial phase: the playbook starts with a platform team of "owner,
 * operators, engineers, advocate". From the teams of kind platform and their people still in the
 * program, who holds each of those roles, and which role nobody holds yet.
 */
import { isCurrentPerson, type Person, type Role, type Team } from './people';
import { collator } from './app-table';

/** The deck's platform team, in its order, with how the check names each role. */
export const PLATFORM_TEAM_ROLES: readonly { role: Role; label: string; none: string }[] = [
  { role: 'platform-owner', label: 'Owner', none: 'No platform owner yet' },
  { role: 'operator', label: 'Operators', none: 'No operator yet' },
  { role: 'engineer', label: 'Engineers', none: 'No engineer yet' },
  { role: 'advocate', label: 'Advocate', none: 'No advocate yet' },
];

export interface StaffedRole {
  role: Role;
  label: string;
  /** What the check says when nobody holds the role. */
  none: string;
  /** The platform team's people who hold it, by name. */
  people: Person[];
}

export interface PlatformStaffing {
  /** The teams of kind platform, by name. */
  teams: Team[];
  /** Their people still in the program. */
  members: number;
  roles: StaffedRole[];
  /** The roles nobody in the platform team holds, in the deck's order. */
  empty: Role[];
}

/**
 * Who holds each role of the deck's platform team: people in a team of kind platform who have
 * not left. A person may hold several roles (an advocate who is also an engineer).
 */
export function platformStaffing(teams: readonly Team[], people: readonly Person[]): PlatformStaffing {
  const platform = teams
    .filter((t) => t.kind === 'platform')
    .sort((a, b) => collator.compare(a.name, b.name));
  const ids = new Set(platform.map((t) => t.id));
  const members = people
    .filter((p) => p.teamId !== null && ids.has(p.teamId) && isCurrentPerson(p))
    .sort((a, b) => collator.compare(a.name, b.name));
  const roles = PLATFORM_TEAM_ROLES.map((r) => ({
    ...r,
    people: members.filter((p) => p.roles.includes(r.role)),
  }));
  return {
    teams: platform,
    members: members.length,
    roles,
    empty: roles.filter((r) => r.people.length === 0).map((r) => r.role),
  };
}
