/**
 * Teams, people, pairing and seeding assignments, and pairing sessions: how knowledge spreads
 * from the first developer and platform team to new teams.
 */
import { z } from 'zod';
import { baseRecordSchema, nonNegativeNumber, optionalId, optionalText, requiredText } from './common';
import { isoDateSchema } from './dates';

export const TEAM_KINDS = ['platform', 'product', 'infrastructure', 'governance-security'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  platform: 'Platform',
  product: 'Product',
  infrastructure: 'Infrastructure',
  'governance-security': 'Governance / security',
};

export const teamInputSchema = z.object({
  name: requiredText('Team name'),
  kind: z.enum(TEAM_KINDS, {
    error: 'Team kind must be platform, product, infrastructure or governance/security',
  }),
  notes: optionalText('Notes'),
  /**
   * The team's entity ref in a catalog it came from (Backstage: `group:default/payments-team`), so
   * that every import of that catalog finds it again; null for a team made here. Schema version 3.
   */
  externalRef: z
    .string({ error: 'External ref must be text' })
    .trim()
    .max(500, 'External ref must be at most 500 characters')
    .nullable()
    .default(null),
});
export type TeamInput = z.input<typeof teamInputSchema>;
export const teamSchema = baseRecordSchema.and(teamInputSchema);
export type Team = z.infer<typeof teamSchema>;

/**
 * An upgrade that gives a stored record a field it did not have, as null. Pure; anything that is
 * not a record, or already has the field, is left as it is.
 */
function addNullField(field: string): (record: unknown) => unknown {
  return (record) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
    return field in record ? record : { ...record, [field]: null };
  };
}

/** Schema version 3: a team stored before it has no external ref (null). */
export const upgradeTeamToExternalRef = addNullField('externalRef');

export const ROLES = [
  'platform-owner',
  'operator',
  'engineer',
  'advocate',
  'developer',
  'infrastructure-staff',
  'product-manager',
  'executive-sponsor',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  'platform-owner': 'Platform owner',
  operator: 'Operator',
  engineer: 'Engineer',
  advocate: 'Advocate',
  developer: 'Developer',
  'infrastructure-staff': 'Infrastructure staff',
  'product-manager': 'Product manager',
  'executive-sponsor': 'Executive sponsor',
};

export const personInputSchema = z.object({
  name: requiredText('Name'),
  teamId: optionalId,
  roles: z
    .array(z.enum(ROLES, { error: 'Unknown role' }))
    .max(ROLES.length)
    .default([]),
  canSeed: z.boolean().default(false),
  notes: optionalText('Notes'),
  /**
   * The day the person left the program, or null while they are in it. A person who leaves is
   * kept, so their sessions and assignments still read with their name; lists of current people
   * leave them out (isCurrentPerson).
   */
  leftOn: isoDateSchema('Left on').nullable().default(null),
});
export type PersonInput = z.input<typeof personInputSchema>;
export const personSchema = baseRecordSchema.and(personInputSchema);
export type Person = z.infer<typeof personSchema>;

/** Whether a person is still in the program (has not left). */
export function isCurrentPerson(person: Pick<Person, 'leftOn'>): boolean {
  return !person.leftOn;
}

/** Schema version 3: a person stored before it gets `leftOn: null` (still in the program). */
export const upgradePersonToLeftOn = addNullField('leftOn');

export const ASSIGNMENT_KINDS = ['pairing', 'seeding'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/**
 * A person from an experienced team placed with a target team or app. Pairing is temporary;
 * seeding moves the person into the new team for the cycle so knowledge stays.
 */
export const assignmentInputSchema = z
  .object({
    kind: z.enum(ASSIGNMENT_KINDS, { error: 'Kind must be pairing or seeding' }),
    personId: z.string({ error: 'Person is required' }).uuid('Person is required'),
    targetTeamId: optionalId,
    appId: optionalId,
    cycleId: optionalId,
    startDate: isoDateSchema('Start date'),
    endDate: isoDateSchema('End date').nullable().default(null),
    notes: optionalText('Notes'),
  })
  .superRefine((a, ctx) => {
    if (!a.targetTeamId && !a.appId) {
      ctx.addIssue({ code: 'custom', path: ['targetTeamId'], message: 'Choose a target team or an app' });
    }
    if (a.endDate && a.endDate < a.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'End date cannot be before the start date',
      });
    }
  });
export type AssignmentInput = z.input<typeof assignmentInputSchema>;
export const assignmentSchema = baseRecordSchema.and(assignmentInputSchema);
export type Assignment = z.infer<typeof assignmentSchema>;

export const PAIRING_OUTCOMES = ['productive', 'blocked', 'follow-up', 'completed'] as const;
export type PairingOutcome = (typeof PAIRING_OUTCOMES)[number];

export const pairingSessionInputSchema = z.object({
  date: isoDateSchema('Date'),
  durationMinutes: nonNegativeNumber('Duration', 24 * 60).refine(
    (v) => v > 0,
    'Duration must be more than 0',
  ),
  /** The platform-side person (advocate, engineer) who paired. */
  personId: z.string({ error: 'Who paired is required' }).uuid('Who paired is required'),
  /** The people they paired with. */
  partnerIds: z.array(z.string().uuid()).max(50).default([]),
  appId: optionalId,
  teamId: optionalId,
  cycleId: optionalId,
  /** The golden path the session worked on, if any. */
  goldenPathId: optionalId,
  topic: requiredText('Topic'),
  notes: optionalText('Notes'),
  outcome: z.enum(PAIRING_OUTCOMES, { error: 'Unknown outcome' }).default('productive'),
});
export type PairingSessionInput = z.input<typeof pairingSessionInputSchema>;
export const pairingSessionSchema = baseRecordSchema.and(pairingSessionInputSchema);
export type PairingSession = z.infer<typeof pairingSessionSchema>;
