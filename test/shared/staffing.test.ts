/** The initial phase's staffing check: the deck's platform team, and the roles nobody holds. */
import { describe, expect, it } from 'vitest';
import type { Person, Team } from '../../shared/domain';
import { platformStaffing } from '../../shared/domain/staffing';

const AT = '2026-01-01T00:00:00.000Z';
let serial = 0;
const id = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
const team = (name: string, kind: Team['kind']): Team => ({
  id: id(),
  createdAt: AT,
  updatedAt: AT,
  name,
  kind,
  notes: '',
  externalRef: null,
});
const person = (
  name: string,
  teamId: string | null,
  roles: Person['roles'],
  leftOn: string | null = null,
): Person => ({
  id: id(),
  createdAt: AT,
  updatedAt: AT,
  name,
  teamId,
  roles,
  canSeed: false,
  notes: '',
  leftOn,
});

describe('the platform team staffing check', () => {
  it('lists who holds each role of the deck’s platform team, across the platform teams, by name', () => {
    const nimbus = team('Nimbus', 'platform');
    const edge = team('Edge platform', 'platform');
    const payments = team('Payments', 'product');
    const check = platformStaffing(
      [payments, nimbus, edge],
      [
        person('Zoe Owner', nimbus.id, ['platform-owner']),
        person('Ana Ruiz', nimbus.id, ['advocate', 'engineer']),
        person('Ben Ops', edge.id, ['operator']),
        person('Carl Dev', payments.id, ['operator']),
        person('Dana Left', nimbus.id, ['operator'], '2026-02-01'),
        person('Eli Eng', nimbus.id, ['engineer']),
      ],
    );
    expect(check.teams.map((t) => t.name)).toEqual(['Edge platform', 'Nimbus']);
    expect(check.members).toBe(4);
    expect(check.roles.map((r) => [r.label, r.people.map((p) => p.name)])).toEqual([
      ['Owner', ['Zoe Owner']],
      ['Operators', ['Ben Ops']],
      ['Engineers', ['Ana Ruiz', 'Eli Eng']],
      ['Advocate', ['Ana Ruiz']],
    ]);
    expect(check.empty).toEqual([]);
  });

  it('flags every role nobody holds: people outside a platform team and people who left do not count', () => {
    const nimbus = team('Nimbus', 'platform');
    const infra = team('Infrastructure', 'infrastructure');
    const check = platformStaffing(
      [nimbus, infra],
      [
        person('Ana Ruiz', nimbus.id, ['engineer']),
        person('Ben Ops', infra.id, ['operator']),
        person('Dana Left', nimbus.id, ['advocate'], '2026-02-01'),
        person('Sam Sponsor', null, ['platform-owner']),
      ],
    );
    expect(check.empty).toEqual(['platform-owner', 'operator', 'advocate']);
    expect(check.roles.find((r) => r.role === 'operator')?.none).toBe('No operator yet');
  });

  it('with no platform team, has no members and flags every role', () => {
    const check = platformStaffing([team('Payments', 'product')], []);
    expect(check).toMatchObject({
      teams: [],
      members: 0,
      empty: ['platform-owner', 'operator', 'engineer', 'advocate'],
    });
  });
});
