/** Platform marketing activities: the scaling phase's first step. */
import { z } from 'zod';
import { baseRecordSchema, optionalText, requiredText, wholeNumber } from './common';
import { isoDateSchema } from './dates';

export const MARKETING_KINDS = [
  'newsletter',
  'demo-day',
  'office-hours',
  'cloud-party',
  'blueprint',
  'training',
  'other',
] as const;
export type MarketingKind = (typeof MARKETING_KINDS)[number];

export const marketingActivityInputSchema = z.object({
  date: isoDateSchema('Date'),
  kind: z.enum(MARKETING_KINDS, { error: 'Unknown kind of activity' }),
  title: requiredText('Title'),
  reach: wholeNumber('Reach', 0, 10_000_000).default(0),
  notes: optionalText('Notes'),
});
export type MarketingActivityInput = z.input<typeof marketingActivityInputSchema>;
export const marketingActivitySchema = baseRecordSchema.and(marketingActivityInputSchema);
export type MarketingActivity = z.infer<typeof marketingActivitySchema>;
