/**
 * Importing teams and people from CSV: the two entity definitions of the one import pipeline
 * (the fields a column can be mapped to, how their cells read, how a row becomes a record, how a
 * re-import finds the record a row updates: by name, any case or spacing), and what a planned
 * record writes.
 *
 * Accepted cell formats:
 * - Team kind: platform, product, infrastructure (or infra), governance / security (or
 *   governance, or security), in any case; other words are mapped by the user in the wizard.
 * - Roles: one or more role names separated by commas, semicolons, slashes or pipes, each
 *   matched to a role's label in any case ("Platform owner", "ADVOCATE") or its id
 *   ("platform-owner").
 * - Can seed: yes / no, y / n, true / false, 1 / 0, x (and an empty cell leaves it as it is).
 */
import { z } from 'zod';
import {
  ROLE_LABELS,
  ROLES,
  TEAM_KIND_LABELS,
  TEAM_KINDS,
  type Role,
  type TeamKind,
} from '../../domain/people';
import { nameKey } from '../apps/records';
import { quoted } from '../cells';
import type { CellResult, EntityImport, ImportField, MatchKey } from '../definition';
import type { ImportResult } from '../types';
import type { ValueChoice } from '../values';

/** Letters only, lower case: how kinds and roles are compared. */
const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

const KIND_BY_WORD = new Map<string, TeamKind>([
  ...TEAM_KINDS.map((k) => [letters(k), k] as const),
  ...TEAM_KINDS.map((k) => [letters(TEAM_KIND_LABELS[k]), k] as const),
  ['infra', 'infrastructure'],
  ['governance', 'governance-security'],
  ['security', 'governance-security'],
  ['securitygovernance', 'governance-security'],
  ['governanceandsecurity', 'governance-security'],
]);
const KIND_LIST = TEAM_KINDS.map((k) => TEAM_KIND_LABELS[k]).join(', ');

/** A team kind by its id or label in any case ("Platform", "governance / security", "infra"). */
export function parseTeamKindCell(cell: string): CellResult<TeamKind> {
  const kind = KIND_BY_WORD.get(letters(cell));
  return kind ? { value: kind } : { problem: `${quoted(cell)} is not a team kind; use one of ${KIND_LIST}` };
}

/** Words a team's kind is likely given as, for the first mapping of a kind column. */
export function teamKindFromText(text: string): TeamKind | undefined {
  const w = ` ${text.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  if (/ (platform|sre|devops|enablement) /.test(w)) return 'platform';
  if (/ (infra|infrastructure|ops|operations|network|data center|datacenter|cloud) /.test(w))
    return 'infrastructure';
  if (/ (security|governance|compliance|risk|audit) /.test(w)) return 'governance-security';
  if (/ (product|feature|business|app|application|delivery|dev|development|stream) /.test(w))
    return 'product';
  return undefined;
}

const ROLE_BY_WORD = new Map<string, Role>([
  ...ROLES.map((r) => [letters(r), r] as const),
  ...ROLES.map((r) => [letters(ROLE_LABELS[r]), r] as const),
]);
const ROLE_LIST = ROLES.map((r) => ROLE_LABELS[r]).join(', ');

/** One or more roles by label or id, any case, separated by , ; / or |. */
export function parseRolesCell(cell: string): CellResult<Role[]> {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(/[,;/|]/)) {
    if (part.trim() === '') continue;
    const role = ROLE_BY_WORD.get(letters(part));
    if (role) roles.push(role);
    else unknown.push(part.trim());
  }
  if (unknown.length > 0) {
    return {
      problem: `${unknown.map(quoted).join(', ')} ${unknown.length === 1 ? 'is not a role' : 'are not roles'}; roles are ${ROLE_LIST}`,
    };
  }
  return { value: ROLES.filter((r) => roles.includes(r)) };
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', 'ja', 'oui', 'si', 'seeder', 'canseed']);
const NO = new Set(['no', 'n', 'false', '0', '-', '—', 'nein', 'non', 'cannotseed']);

/** Yes or no, in the ways spreadsheets say it. */
export function parseYesNoCell(cell: string): CellResult<boolean> {
  const text = cell.trim().toLowerCase();
  const word = text.replace(/[\s']/g, '');
  if (YES.has(text) || YES.has(word)) return { value: true };
  if (NO.has(text) || NO.has(word)) return { value: false };
  return { problem: `${quoted(cell)} is not yes or no` };
}

const KIND_CHOICES: readonly ValueChoice[] = TEAM_KINDS.map((k) => ({
  value: k,
  label: TEAM_KIND_LABELS[k],
}));

/** A team as a row of a teams CSV gives it. */
export interface TeamImportRow {
  name: string;
  /** Absent when the cell is empty: a new team is a product team, a stored one keeps its kind. */
  kind?: TeamKind;
  notes: string;
}

/** A person as a row of a people CSV gives them; empty cells are absent and never blank a stored value. */
export interface PersonImportRow {
  name: string;
  /** The team by name; a team that does not exist yet may be created by the import. */
  teamName: string | null;
  roles?: Role[];
  canSeed?: boolean;
  notes: string;
}

/** What matching needs of a stored team or person. */
export interface StoredNamed {
  id: string;
  name: string;
}

const byName = <T extends { name: string }>(): MatchKey<T, StoredNamed> => ({
  name: 'name',
  field: 'name',
  ofRecord: (record) => nameKey(record.name),
  ofStored: (stored) => nameKey(stored.name),
});

const name = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(200, `${label} must be at most 200 characters`);
const notes = z.string().trim().max(20000, 'Notes must be at most 20000 characters');

/** The required name field, the key a re-import matches on. */
function nameField(label: string, one: string, synonyms: readonly string[]): ImportField<'name'> {
  return { field: 'name', label, required: true, whenEmpty: `is empty; every ${one} needs a name`, synonyms };
}

export const teamsImport: EntityImport<TeamImportRow, 'name' | 'kind' | 'notes', StoredNamed> = {
  noun: { one: 'team', many: 'teams' },
  fields: [
    nameField('Team name', 'team', [
      'team name',
      'team',
      'name',
      'group',
      'group name',
      'squad',
      'department',
    ]),
    {
      field: 'kind',
      label: 'Kind',
      required: false,
      synonyms: ['kind', 'team kind', 'type', 'team type', 'category'],
      parse: parseTeamKindCell,
      choices: KIND_CHOICES,
      suggest: teamKindFromText,
    },
    {
      field: 'notes',
      label: 'Notes',
      required: false,
      synonyms: ['notes', 'description', 'about', 'mission'],
    },
  ],
  toRecord(row) {
    const record: TeamImportRow = { name: row.text('name'), notes: row.text('notes') };
    const kind = row.value<TeamKind>('kind');
    if (kind !== undefined) record.kind = kind;
    return record;
  },
  schema: z.object({
    name: name('Team name'),
    kind: z.enum(TEAM_KINDS).optional(),
    notes,
  }),
  matchBy: [byName<TeamImportRow>()],
  noColumn: () =>
    'The file has no column for the team name. Name a column “Team” or “Name”, or choose which column holds it.',
};

export const peopleImport: EntityImport<
  PersonImportRow,
  'name' | 'teamName' | 'roles' | 'canSeed' | 'notes',
  StoredNamed
> = {
  noun: { one: 'person', many: 'people' },
  fields: [
    nameField('Name', 'person', [
      'name',
      'full name',
      'person',
      'person name',
      'employee',
      'employee name',
      'display name',
    ]),
    {
      field: 'teamName',
      label: 'Team',
      required: false,
      synonyms: ['team', 'team name', 'squad', 'group', 'department'],
    },
    {
      field: 'roles',
      label: 'Roles',
      required: false,
      synonyms: ['roles', 'role', 'program role', 'program roles', 'job role'],
      parse: parseRolesCell,
    },
    {
      field: 'canSeed',
      label: 'Can seed',
      required: false,
      synonyms: ['can seed', 'can seed others', 'seeder', 'seeds', 'seeding'],
      parse: parseYesNoCell,
    },
    { field: 'notes', label: 'Notes', required: false, synonyms: ['notes', 'note', 'comments', 'about'] },
  ],
  toRecord(row) {
    const record: PersonImportRow = {
      name: row.text('name'),
      teamName: row.text('teamName') || null,
      notes: row.text('notes'),
    };
    const roles = row.value<Role[]>('roles');
    const canSeed = row.value<boolean>('canSeed');
    if (roles !== undefined) record.roles = roles;
    if (canSeed !== undefined) record.canSeed = canSeed;
    return record;
  },
  schema: z.object({
    name: name('Name'),
    teamName: z.string().trim().max(200, 'Team must be at most 200 characters').nullable(),
    roles: z.array(z.enum(ROLES)).optional(),
    canSeed: z.boolean().optional(),
    notes,
  }),
  matchBy: [byName<PersonImportRow>()],
  noColumn: () =>
    'The file has no column for the person’s name. Name a column “Name”, or choose which column holds it.',
};

export interface PeopleImportResult extends ImportResult {
  teamsCreated: number;
}
