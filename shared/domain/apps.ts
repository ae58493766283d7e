/**
 * Apps, their feasibility scores and onboarding stages, the criteria that produce the scores,
 * and golden paths.
 */
import { z } from 'zod';
import { baseRecordSchema, optionalId, optionalText, requiredText, wholeNumber } from './common';
import { isoDateSchema } from './dates';

export const APP_STAGES = [
  'candidate',
  'selected',
  'onboarding',
  'on-platform',
  'paused',
  'dropped',
] as const;
export type AppStage = (typeof APP_STAGES)[number];
export const APP_STAGE_LABELS: Record<AppStage, string> = {
  candidate: 'Candidate',
  selected: 'Selected',
  onboarding: 'Onboarding',
  'on-platform': 'On platform',
  paused: 'Paused',
  dropped: 'Dropped',
};

/** A 1–5 score; one decimal, as weighted criteria rarely give a whole number. */
/**
 * The pipeline's dates must follow each other: selected, then first deploy ("hello world"), then
 * production. Used by the app schema and by the import's record schema.
 */
export function checkAppDateOrder(
  a: { selectedOn?: string | null; firstDeployOn?: string | null; productionOn?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (a.selectedOn && a.firstDeployOn && a.firstDeployOn < a.selectedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['firstDeployOn'],
      message: 'First deploy cannot be before the app was selected',
    });
  }
  if (a.firstDeployOn && a.productionOn && a.productionOn < a.firstDeployOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['productionOn'],
      message: 'In production cannot be before the first deploy',
    });
  }
}

const score = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .refine((v) => Number.isFinite(v) && v >= 1 && v <= 5, `${label} must be between 1 and 5`)
    .nullable()
    .default(null);

export const appInputSchema = z
  .object({
    name: requiredText('App name'),
    teamId: optionalId,
    description: optionalText('Description', 5000),
    /** Business value, 1–5 (derived from the business criteria when they are scored). */
    businessScore: score('Business value'),
    /** Technical feasibility, 1–5 (derived from the technical criteria when they are scored). */
    technicalScore: score('Technical feasibility'),
    /** Criterion id → 1–5 score. */
    criteriaScores: z.record(z.string(), wholeNumber('Criterion score', 1, 5)).default({}),
    stage: z.enum(APP_STAGES, { error: 'Unknown stage' }).default('candidate'),
    /** The cycle the app was selected into / onboarded in. */
    cycleId: optionalId,
    selectedOn: isoDateSchema('Selected date').nullable().default(null),
    /** First deploy on the platform: "hello world". */
    firstDeployOn: isoDateSchema('First deploy date').nullable().default(null),
    productionOn: isoDateSchema('In production date').nullable().default(null),
    goldenPathIds: z.array(z.string().uuid()).max(200).default([]),
    /** CMDB id or Backstage entity ref (e.g. `component:default/payments`). */
    externalId: z
      .string()
      .trim()
      .max(500, 'External id must be at most 500 characters')
      .nullable()
      .default(null),
    lifecycle: optionalText('Lifecycle', 100),
    system: optionalText('System', 200),
  })
  .superRefine(checkAppDateOrder);
export type AppInput = z.input<typeof appInputSchema>;
export const appSchema = baseRecordSchema.and(appInputSchema);
export type App = z.infer<typeof appSchema>;

export const CRITERION_AXES = ['business', 'technical'] as const;
export type CriterionAxis = (typeof CRITERION_AXES)[number];

/** One weighted criterion behind a business value or technical feasibility score. */
export const criterionInputSchema = z.object({
  name: requiredText('Criterion name'),
  axis: z.enum(CRITERION_AXES, { error: 'Axis must be business or technical' }),
  weight: z
    .number({ error: 'Weight must be a number' })
    .refine((v) => Number.isFinite(v) && v > 0, 'Weight must be more than 0')
    .refine((v) => v <= 100, 'Weight must be at most 100'),
  description: optionalText('Description', 1000),
  order: wholeNumber('Order', 0, 10_000).default(0),
});
export type CriterionInput = z.input<typeof criterionInputSchema>;
export const criterionSchema = baseRecordSchema.and(criterionInputSchema);
export type Criterion = z.infer<typeof criterionSchema>;

/** The criteria a new program starts with; the owner edits and weights them. */
export const DEFAULT_CRITERIA: readonly Omit<CriterionInput, 'order'>[] = [
  {
    name: 'Business criticality',
    axis: 'business',
    weight: 3,
    description: 'How much the business depends on it.',
  },
  {
    name: 'Visibility to leadership',
    axis: 'business',
    weight: 2,
    description: 'A win leadership will notice.',
  },
  {
    name: 'Team willingness',
    axis: 'technical',
    weight: 3,
    description: 'The team wants to pair with the platform team.',
  },
  {
    name: 'Technical fit with the platform',
    axis: 'technical',
    weight: 3,
    description: 'Stateless, twelve-factor, a supported runtime.',
  },
  {
    name: 'Few dependencies on other teams',
    axis: 'technical',
    weight: 2,
    description: 'It can move without waiting on others.',
  },
];

export const GOLDEN_PATH_KINDS = ['delivery', 'governance', 'security', 'other'] as const;
export type GoldenPathKind = (typeof GOLDEN_PATH_KINDS)[number];

export const goldenPathInputSchema = z.object({
  name: requiredText('Golden path name'),
  kind: z.enum(GOLDEN_PATH_KINDS, { error: 'Kind must be delivery, governance, security or other' }),
  description: optionalText('Description', 5000),
});
export type GoldenPathInput = z.input<typeof goldenPathInputSchema>;
export const goldenPathSchema = baseRecordSchema.and(goldenPathInputSchema);
export type GoldenPath = z.infer<typeof goldenPathSchema>;
