/**
 * Blockers, in the deck's three categories ("All too common challenges & blockers") with its
 * sub-categories word for word, plus "Other" in each. A blocker keeps its status history (open →
 * mitigating → resolved, each change dated) so trends can be computed from the changes; its
 * `status` is the history's last entry.
 */
import { z } from 'zod';
import { baseRecordSchema, optionalId, optionalText, requiredText } from './common';
import { formatIsoDate, isoDateSchema } from './dates';
import type { FieldProblem } from './common';

export const BLOCKER_CATEGORIES = {
  'people-culture': {
    label: 'People & Culture',
    subCategories: [
      'Skills, hiring',
      'Reluctance to change',
      'Scaling new roles',
      'Org. structure',
      '“We already do agile.”',
      'Sustaining change',
      'Other',
    ],
  },
  'plans-alignment': {
    label: 'Plans & Alignment',
    subCategories: [
      'Budgeting',
      'Misaligned executives',
      'IT is still in the basement',
      'Compliance',
      'Weak connection to business value',
      'Other',
    ],
  },
  'technical-execution': {
    label: 'Technical Execution',
    subCategories: [
      'ITSM instead of Platforms',
      'Overwhelming legacy portfolio',
      'Dependencies between teams',
      'Local optimization, no CI/CD',
      'Other',
    ],
  },
} as const;
export type BlockerCategory = keyof typeof BLOCKER_CATEGORIES;
export const BLOCKER_CATEGORY_IDS = Object.keys(BLOCKER_CATEGORIES) as BlockerCategory[];

export const BLOCKER_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type BlockerSeverity = (typeof BLOCKER_SEVERITIES)[number];
export const BLOCKER_SEVERITY_LABELS: Record<BlockerSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const BLOCKER_STATUSES = ['open', 'mitigating', 'resolved'] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];
export const BLOCKER_STATUS_LABELS: Record<BlockerStatus, string> = {
  open: 'Open',
  mitigating: 'Mitigating',
  resolved: 'Resolved',
};

/** The message of a change back from resolved that does not say why. */
export const REOPEN_NOTE_MESSAGE = 'Going back from resolved needs a note saying why it was reopened';

const blockerStatusSchema = z.enum(BLOCKER_STATUSES, {
  error: 'Status must be open, mitigating or resolved',
});

/** One change of a blocker's status, on the day it happened. */
export const blockerStatusChangeSchema = z.object({
  status: blockerStatusSchema,
  on: isoDateSchema('Status change date'),
  note: z
    .string({ error: 'Status change note must be text' })
    .trim()
    .max(2000, 'Status change note must be at most 2000 characters')
    .optional(),
});
export type BlockerStatusChange = z.infer<typeof blockerStatusChangeSchema>;

export const blockerInputSchema = z
  .object({
    title: requiredText('Title'),
    category: z.enum(BLOCKER_CATEGORY_IDS as [BlockerCategory, ...BlockerCategory[]], {
      error: 'Category must be People & Culture, Plans & Alignment or Technical Execution',
    }),
    subCategory: requiredText('Sub-category'),
    severity: z.enum(BLOCKER_SEVERITIES, { error: 'Severity must be low, medium, high or critical' }),
    status: blockerStatusSchema,
    openedOn: isoDateSchema('Opened date'),
    resolvedOn: isoDateSchema('Resolved date').nullable().default(null),
    statusHistory: z
      .array(blockerStatusChangeSchema, { error: 'Status history must be a list of status changes' })
      .min(1, 'Status history must start with the day the blocker was opened')
      .max(1000, 'Status history must have at most 1000 changes'),
    appId: optionalId,
    teamId: optionalId,
    cycleId: optionalId,
    ownerId: optionalId,
    notes: optionalText('Notes'),
    /** What was done, or is being done, about it. */
    mitigation: optionalText('Mitigation'),
  })
  .superRefine((b, ctx) => {
    const subs: readonly string[] = BLOCKER_CATEGORIES[b.category].subCategories;
    if (!subs.includes(b.subCategory)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subCategory'],
        message: `Sub-category must be one of ${BLOCKER_CATEGORIES[b.category].label}'s`,
      });
    }
    if (b.status === 'resolved' && !b.resolvedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolvedOn'],
        message: 'A resolved blocker needs a resolved date',
      });
    }
    if (b.resolvedOn && b.resolvedOn < b.openedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolvedOn'],
        message: 'Resolved date cannot be before the opened date',
      });
    }
    checkStatusHistory(b, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  });
export type BlockerInput = z.input<typeof blockerInputSchema>;

/**
 * The rules a status history follows: it starts with "open" on the opened date, its changes are
 * in date order (several on one day are fine), a change back from resolved says why (its note),
 * its last change is the current status, and a resolved blocker's last change is on its resolved
 * date.
 */
function checkStatusHistory(
  b: Pick<z.output<typeof blockerInputSchema>, 'status' | 'openedOn' | 'resolvedOn' | 'statusHistory'>,
  report: (path: (string | number)[], message: string) => void,
): void {
  const history = b.statusHistory;
  const first = history[0];
  const last = history.at(-1);
  if (first && (first.status !== 'open' || first.on !== b.openedOn)) {
    report(['statusHistory', 0], `Status history must start with "open" on the opened date (${b.openedOn})`);
  }
  history.forEach((change, i) => {
    const before = history[i - 1];
    if (before && change.on < before.on) {
      report(
        ['statusHistory', i, 'on'],
        `Status changes must be in date order: ${change.on} comes after ${before.on}`,
      );
    }
    if (before?.status === 'resolved' && change.status !== 'resolved' && !change.note?.trim()) {
      report(['statusHistory', i, 'note'], REOPEN_NOTE_MESSAGE);
    }
  });
  if (last && last.status !== b.status) {
    report(['statusHistory'], `The last status change must be to the blocker's status (${b.status})`);
  } else if (last && b.status === 'resolved' && b.resolvedOn && last.on !== b.resolvedOn) {
    report(['statusHistory'], `The change to resolved must be on the resolved date (${b.resolvedOn})`);
  }
}

/**
 * The status history of a blocker stored before schema version 2, which kept only its current
 * status and dates: "open" on the opened date, then the current status if it is not open.
 */
export function deriveStatusHistory(
  b: Pick<z.output<typeof blockerInputSchema>, 'status' | 'openedOn' | 'resolvedOn'>,
): BlockerStatusChange[] {
  const history: BlockerStatusChange[] = [{ status: 'open', on: b.openedOn }];
  // Schema 1 did not record when a blocker went to mitigating: the opened date is the only day
  // known, and the earliest it can have happened.
  if (b.status === 'mitigating') history.push({ status: 'mitigating', on: b.openedOn });
  // A resolved blocker always has a resolved date; the opened date only stands in for a record
  // that breaks that rule, which the check then reports on its resolvedOn.
  if (b.status === 'resolved') history.push({ status: 'resolved', on: b.resolvedOn ?? b.openedOn });
  return history;
}

/**
 * Schema 1 → 2 for one stored blocker: adds the status history derived from its fields. Takes
 * the record as read from a database or a backup, unchecked: anything that is not a record is
 * returned as it is (the backup check reports it), and a history already there is kept.
 */
export function upgradeBlockerToStatusHistory(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const fields = record as Record<string, unknown>;
  if (Array.isArray(fields.statusHistory)) return record;
  const history = deriveStatusHistory({
    status: fields.status as BlockerStatus,
    openedOn: fields.openedOn as string,
    resolvedOn: (fields.resolvedOn ?? null) as string | null,
  });
  return { ...fields, statusHistory: history };
}

/**
 * Schema 2 → 3 for one stored blocker: adds the mitigation taken, empty (schema 2 kept it, if
 * at all, in the notes, which stay as they are). Unchecked input, as above.
 */
export function upgradeBlockerToMitigation(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const fields = record as Record<string, unknown>;
  return 'mitigation' in fields ? record : { ...fields, mitigation: '' };
}

export const blockerSchema = baseRecordSchema.and(blockerInputSchema);

/**
 * A blocker's status changed on a day, as its fields after the change (status, resolved date,
 * the change appended to its history), or the problems that refuse it, each at its field
 * (`status`, `on`, `note`): the status it already has, a day before its last change (or before
 * it was opened), going back from resolved without a note.
 */
export function withStatusChange(
  blocker: Pick<z.output<typeof blockerInputSchema>, 'status' | 'statusHistory'>,
  change: BlockerStatusChange,
):
  | { problems: FieldProblem[] }
  | { fields: Pick<z.output<typeof blockerInputSchema>, 'status' | 'resolvedOn' | 'statusHistory'> } {
  const last = blocker.statusHistory.at(-1)!;
  const problems: FieldProblem[] = [];
  if (blocker.status === change.status) {
    problems.push({
      field: 'status',
      message: `The blocker is already ${BLOCKER_STATUS_LABELS[change.status].toLowerCase()}`,
    });
  }
  if (change.on < last.on) {
    problems.push({
      field: 'on',
      message:
        blocker.statusHistory.length === 1
          ? `The date cannot be before the blocker was opened (${formatIsoDate(last.on)})`
          : `The date cannot be before its last change (${BLOCKER_STATUS_LABELS[last.status].toLowerCase()} on ${formatIsoDate(last.on)})`,
    });
  }
  if (blocker.status === 'resolved' && change.status !== 'resolved' && !change.note?.trim()) {
    problems.push({ field: 'note', message: REOPEN_NOTE_MESSAGE });
  }
  if (problems.length) return { problems };
  return {
    fields: {
      status: change.status,
      resolvedOn: change.status === 'resolved' ? change.on : null,
      statusHistory: [...blocker.statusHistory, change],
    },
  };
}
export type Blocker = z.infer<typeof blockerSchema>;
