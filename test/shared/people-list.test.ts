/** The people list and the teams overview: rows, filters, headcounts and kinds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, TEAM_KINDS, type Person, type Role, type Team, type TeamKind } from '../../shared/domain';
import {
  buildPersonRows,
  EMPTY_PEOPLE_FILTERS,
  filterPeople,
  hasPeopleFilters,
  headcounts,
  NO_TEAM,
  teamsByKind,
  type PeopleFilters,
} from '../../shared/domain/people-list';

const AT = '2026-01-01T00:00:00.000Z';
let serial = 0;
const id = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;

function team(name: string, kind: TeamKind = 'product'): Team {
  return { id: id(), createdAt: AT, updatedAt: AT, name, kind, notes: '', externalRef: null };
}

function person(name: string, extra: Partial<Person> = {}): Person {
  return {
    id: id(),
    createdAt: AT,
    updatedAt: AT,
    name,
    teamId: null,
    roles: [],
    canSeed: false,
    notes: '',
    leftOn: null,
    ...extra,
  };
}

const platform = team('Platform', 'platform');
const payments = team('Payments');
const ana = person('Ana Ruiz', { teamId: platform.id, roles: ['engineer', 'advocate'], canSeed: true });
const ben = person('ben Okafor', { teamId: payments.id, roles: ['developer'], notes: 'Lead on Ledger' });
const cleo = person('Cleo Park', { roles: ['executive-sponsor'] });
const dan = person('Dan Levi', {
  teamId: payments.id,
  roles: ['developer'],
  canSeed: true,
  leftOn: '2026-02-01',
});
const rows = buildPersonRows([dan, cleo, ben, ana], [platform, payments]);
const names = (filters: Partial<PeopleFilters>) =>
  filterPeople(rows, { ...EMPTY_PEOPLE_FILTERS, ...filters }).map((r) => r.person.name);

describe('the people list', () => {
  it('lists people by name, any case, with their team and their roles in the order of the role list', () => {
    expect(rows.map((r) => [r.person.name, r.teamName, r.roleLabels.join(', ')])).toEqual([
      ['Ana Ruiz', 'Platform', 'Engineer, Advocate'],
      ['ben Okafor', 'Payments', 'Developer'],
      ['Cleo Park', '', 'Executive sponsor'],
      ['Dan Levi', 'Payments', 'Developer'],
    ]);
  });

  it('shows the people in the program unless asked for those who left', () => {
    expect(names({})).toEqual(['Ana Ruiz', 'ben Okafor', 'Cleo Park']);
    expect(names({ status: 'left' })).toEqual(['Dan Levi']);
    expect(names({ status: 'all' })).toHaveLength(4);
  });

  it('filters by words in the name, team, roles or notes, by team (or none), role and whether they can seed', () => {
    expect(names({ text: 'PAY ok' })).toEqual(['ben Okafor']);
    expect(names({ text: 'ledger' })).toEqual(['ben Okafor']);
    expect(names({ text: 'advocate' })).toEqual(['Ana Ruiz']);
    expect(names({ teamId: payments.id, status: 'all' })).toEqual(['ben Okafor', 'Dan Levi']);
    expect(names({ teamId: NO_TEAM })).toEqual(['Cleo Park']);
    expect(names({ role: 'developer' })).toEqual(['ben Okafor']);
    expect(names({ seed: 'yes', status: 'all' })).toEqual(['Ana Ruiz', 'Dan Levi']);
    expect(names({ seed: 'no' })).toEqual(['ben Okafor', 'Cleo Park']);
  });

  it('says whether any filter is set', () => {
    expect(hasPeopleFilters(EMPTY_PEOPLE_FILTERS)).toBe(false);
    expect(hasPeopleFilters({ ...EMPTY_PEOPLE_FILTERS, text: '  ' })).toBe(false);
    expect(hasPeopleFilters({ ...EMPTY_PEOPLE_FILTERS, seed: 'yes' })).toBe(true);
    expect(hasPeopleFilters({ ...EMPTY_PEOPLE_FILTERS, status: 'all' })).toBe(true);
  });

  it('keeps exactly the rows every filter keeps on its own, in the same order (property)', () => {
    const teams = [platform, payments];
    const personArb = fc.record({
      name: fc.constantFrom('Ana', 'Ben', 'Cleo', 'ana b', 'Dan'),
      teamId: fc.constantFrom<string | null>(null, platform.id, payments.id),
      roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 3 }),
      canSeed: fc.boolean(),
      leftOn: fc.constantFrom<string | null>(null, '2026-02-01'),
    });
    const filtersArb = fc.record({
      text: fc.constantFrom('', 'an', 'pay', 'dev', 'x'),
      teamId: fc.constantFrom('', NO_TEAM, platform.id, payments.id),
      role: fc.constantFrom<Role | ''>('', ...ROLES),
      seed: fc.constantFrom('' as const, 'yes' as const, 'no' as const),
      status: fc.constantFrom('current' as const, 'left' as const, 'all' as const),
    });
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 20 }), filtersArb, (specs, filters) => {
        const all = buildPersonRows(
          specs.map((s) => person(s.name, s)),
          teams,
        );
        const shown = filterPeople(all, filters);
        const single = (
          [
            { text: filters.text },
            { teamId: filters.teamId },
            { role: filters.role },
            { seed: filters.seed },
            { status: filters.status },
          ] as Partial<PeopleFilters>[]
        ).map((one) => new Set(filterPeople(all, { ...EMPTY_PEOPLE_FILTERS, status: 'all', ...one })));
        const expected = all.filter((row) => single.every((set) => set.has(row)));
        expect(shown).toEqual(expected);
      }),
    );
  });
});

describe('the teams overview', () => {
  it('counts the people in the program per team', () => {
    expect(Object.fromEntries(headcounts([ana, ben, cleo, dan]))).toEqual({
      [platform.id]: 1,
      [payments.id]: 1,
    });
  });

  it('groups teams by kind, every kind in order, teams by name, with a name search', () => {
    const infra = team('Data center', 'infrastructure');
    const groups = teamsByKind(
      [payments, infra, team('api gateway'), platform],
      headcounts([ana, ben, cleo, dan]),
    );
    expect(groups.map((g) => g.kind)).toEqual([...TEAM_KINDS]);
    expect(groups.map((g) => [g.kind, g.teams.map((t) => `${t.team.name}: ${t.people}`), g.people])).toEqual([
      ['platform', ['Platform: 1'], 1],
      ['product', ['api gateway: 0', 'Payments: 1'], 1],
      ['infrastructure', ['Data center: 0'], 0],
      ['governance-security', [], 0],
    ]);
    const found = teamsByKind([payments, infra, platform], new Map(), 'PAY');
    expect(found.flatMap((g) => g.teams.map((t) => t.team.name))).toEqual(['Payments']);
  });
});
