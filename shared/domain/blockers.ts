/**
 * Blockers, in the deck's three categories ("All too common challenges & blockers") with its
 * sub-categories word for word, plus "Other" in each.
 */
import { z } from 'zod';
import { baseRecordSchema, optionalId, optionalText, requiredText } from './common';
import { isoDateSchema } from './dates';

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
export const BLOCKER_STATUSES = ['open', 'mitigating', 'resolved'] as const;

export const blockerInputSchema = z
  .object({
    title: requiredText('Title'),
    category: z.enum(BLOCKER_CATEGORY_IDS as [BlockerCategory, ...BlockerCategory[]], {
      error: 'Category must be People & Culture, Plans & Alignment or Technical Execution',
    }),
    subCategory: requiredText('Sub-category'),
    severity: z.enum(BLOCKER_SEVERITIES, { error: 'Severity must be low, medium, high or critical' }),
    status: z.enum(BLOCKER_STATUSES, { error: 'Status must be open, mitigating or resolved' }),
    openedOn: isoDateSchema('Opened date'),
    resolvedOn: isoDateSchema('Resolved date').nullable().default(null),
    appId: optionalId,
    teamId: optionalId,
    cycleId: optionalId,
    ownerId: optionalId,
    notes: optionalText('Notes'),
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
  });
export type BlockerInput = z.input<typeof blockerInputSchema>;
export const blockerSchema = baseRecordSchema.and(blockerInputSchema);
export type Blocker = z.infer<typeof blockerSchema>;
