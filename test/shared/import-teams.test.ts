/**
 * The teams of an apps import (shared/import/apps/teams.ts): one team per Backstage Group, found
 * by its entity ref whatever the namespace, whatever the order the Group and the Components
 * owned by it are imported in, and never a second team for a name a team already has.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBackstageCatalog } from '../../shared/import/apps/backstage';
import type { ParsedImport } from '../../shared/import/apps/records';
import { planTeams, teamRefKey, type ImportTeam, type TeamPlan } from '../../shared/import/apps/teams';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/backstage/${name}`, import.meta.url), 'utf8');

const GROUP_FILE = fixture('team-b-group.yaml');
const COMPONENTS_FILE = fixture('team-b-components.yaml');

/** What the import command does with a team plan, reduced to the teams' fields. */
function applyTeams(stored: readonly ImportTeam[], plan: TeamPlan): ImportTeam[] {
  const next = stored.map((team) => {
    const change = plan.updates.find((u) => u.id === team.id);
    return change ? { ...team, ...change.patch } : { ...team };
  });
  for (const team of plan.creates) {
    next.push({
      id: `t${next.length + 1}`,
      name: team.name,
      notes: team.notes,
      externalRef: team.externalRef,
    });
  }
  return next;
}

/** Plans and applies one file's teams, as an import of it does. */
function importTeams(stored: readonly ImportTeam[], parsed: ParsedImport): ImportTeam[] {
  return applyTeams(stored, planTeams(stored, parsed.teams, parsed.apps));
}

describe('teamRefKey', () => {
  it('compares refs on the name alone, without kind, namespace or case', () => {
    for (const ref of [
      'team-b',
      'group:default/team-b',
      'group:other/team-b',
      'Group:Default/Team-B',
      'x/team-b',
    ])
      expect(teamRefKey(ref)).toBe('team-b');
  });
});

describe('one team per Backstage Group', () => {
  const group = parseBackstageCatalog(GROUP_FILE);
  const components = parseBackstageCatalog(COMPONENTS_FILE);

  it('reads the Group as a team with its ref and description, and the owners as refs', () => {
    expect(group.teams).toEqual([
      {
        name: 'Team B',
        description: 'Runs the checkout and payment services.',
        externalId: 'group:default/team-b',
      },
    ]);
    expect(components.apps.map((a) => [a.teamName, a.teamRef])).toEqual([
      ['team-b', 'group:default/team-b'],
      ['team-b', 'group:default/team-b'],
      ['team-b', 'group:retail/team-b'],
    ]);
  });

  const expected = {
    name: 'Team B',
    notes: 'Runs the checkout and payment services.',
    externalRef: 'group:default/team-b',
  };

  it('makes one team when the Group comes first, and the Components join it', () => {
    const afterGroup = importTeams([], group);
    expect(afterGroup).toEqual([{ id: 't1', ...expected }]);
    const plan = planTeams(afterGroup, components.teams, components.apps);
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([]);
    for (const app of components.apps) expect(plan.teamOf(app)).toEqual({ id: 't1' });
  });

  it('makes one team when the Components come first, and the Group names and describes it', () => {
    const afterComponents = importTeams([], components);
    expect(afterComponents).toEqual([
      { id: 't1', name: 'team-b', notes: '', externalRef: 'group:default/team-b' },
    ]);
    const plan = planTeams(afterComponents, group.teams, group.apps);
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([
      {
        id: 't1',
        name: 'team-b',
        patch: { name: 'Team B', notes: 'Runs the checkout and payment services.' },
        declared: true,
      },
    ]);
    expect(applyTeams(afterComponents, plan)).toEqual([{ id: 't1', ...expected }]);
  });

  it('makes one team when both are in one file, in either order', () => {
    for (const text of [`${GROUP_FILE}\n---\n${COMPONENTS_FILE}`, `${COMPONENTS_FILE}\n---\n${GROUP_FILE}`]) {
      const parsed = parseBackstageCatalog(text);
      const plan = planTeams([], parsed.teams, parsed.apps);
      expect(plan.creates).toEqual([{ ...expected, declared: true }]);
      for (const app of parsed.apps) expect(plan.teamOf(app)).toBe(plan.creates[0]);
    }
  });

  it('merges Groups of the same name in two namespaces: the first one wins', () => {
    const other = GROUP_FILE.replace('  name: team-b\n', '  name: team-b\n  namespace: other\n').replace(
      'displayName: Team B',
      'displayName: Team B (other)',
    );
    const parsed = parseBackstageCatalog(`${other}\n---\n${GROUP_FILE}`);
    const plan = planTeams([], parsed.teams, parsed.apps);
    expect(plan.creates.map((t) => [t.name, t.externalRef])).toEqual([
      ['Team B (other)', 'group:other/team-b'],
    ]);
    const stored = applyTeams([], plan);
    expect(importTeams(stored, parseBackstageCatalog(GROUP_FILE))).toEqual([
      { id: 't1', name: 'Team B', notes: expected.notes, externalRef: 'group:other/team-b' },
    ]);
  });

  it('links a team an earlier import or the user made, by its name or its name as an entity name', () => {
    for (const name of ['Team B', 'team-b', 'TEAM B']) {
      const stored: ImportTeam[] = [{ id: 'old', name, notes: 'Ours', externalRef: null }];
      expect(importTeams(stored, group)).toEqual([{ id: 'old', ...expected }]);
      const viaOwner = importTeams(stored, components);
      expect(viaOwner).toEqual([{ id: 'old', name, notes: 'Ours', externalRef: 'group:default/team-b' }]);
    }
  });

  it('never takes a team linked to another Group, and keeps notes when the Group has no description', () => {
    const stored: ImportTeam[] = [
      { id: 'a', name: 'Team B', notes: 'Ours', externalRef: 'group:default/team-x' },
    ];
    const plan = planTeams(stored, group.teams, []);
    expect(plan.creates.map((t) => t.externalRef)).toEqual(['group:default/team-b']);
    const bare = parseBackstageCatalog(GROUP_FILE.replace(/ {2}description: .*\n/, ''));
    const linked: ImportTeam[] = [
      { id: 'b', name: 'Team B', notes: 'Ours', externalRef: 'group:default/team-b' },
    ];
    expect(planTeams(linked, bare.teams, []).updates).toEqual([]);
  });

  it('finds a CSV’s team by its name, whatever catalog it came from', () => {
    const stored: ImportTeam[] = [{ id: 'a', ...expected }];
    const plan = planTeams(stored, [], [{ teamName: ' team b ' }, { teamName: 'Checkout' }]);
    expect(plan.teamOf({ teamName: 'TEAM B' })).toEqual({ id: 'a' });
    expect(plan.creates.map((t) => [t.name, t.externalRef, t.declared])).toEqual([['Checkout', null, false]]);
  });

  it('gives one team per ref after any sequence of imports, and a second import of any file changes nothing', () => {
    const ownerRef = fc.constantFrom(
      'team-b',
      'group:default/team-b',
      'group:other/team-b',
      'Group:Default/Team-B',
    );
    const file = fc.oneof(
      fc.record({ kind: fc.constant('group' as const), namespace: fc.constantFrom('default', 'other') }),
      fc.record({ kind: fc.constant('component' as const), owner: ownerRef }),
      fc.record({ kind: fc.constant('csv' as const), team: fc.constantFrom('Team B', 'team-b', 'Checkout') }),
    );
    const toFile = (f: { kind: string; namespace?: string; owner?: string; team?: string }): ParsedImport => {
      if (f.kind === 'group')
        return parseBackstageCatalog(
          GROUP_FILE.replace('  name: team-b\n', `  name: team-b\n  namespace: ${f.namespace}\n`),
        );
      if (f.kind === 'component')
        return parseBackstageCatalog(COMPONENTS_FILE.replace('owner: team-b', `owner: ${f.owner}`));
      return {
        apps: [{ ...components.apps[0]!, teamName: f.team!, teamRef: null }],
        teams: [],
        rejected: [],
        skipped: [],
      };
    };
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 6 }), (files) => {
        let stored: ImportTeam[] = [];
        const parsed = files.map(toFile);
        for (const p of parsed) stored = importTeams(stored, p);
        const linked = stored.filter((t) => t.externalRef && teamRefKey(t.externalRef) === 'team-b');
        expect(linked.length).toBeLessThanOrEqual(1);
        if (files.some((f) => f.kind !== 'csv')) expect(linked).toHaveLength(1);
        if (files.some((f) => f.kind === 'group'))
          expect(linked[0]).toMatchObject({ name: 'Team B', notes: expected.notes });
        for (const p of parsed) {
          const again = planTeams(stored, p.teams, p.apps);
          expect(again.creates).toEqual([]);
          // Every owner written as a ref is the one linked team.
          for (const app of p.apps) if (app.teamRef) expect(again.teamOf(app)).toEqual({ id: linked[0]!.id });
          expect(applyTeams(stored, again)).toEqual(stored);
        }
      }),
    );
  });
});
