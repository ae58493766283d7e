/**
 * Value stream maps: an app's path to production as ordered steps, snapshotted (e.g. before and
 * after onboarding) so the improvement shows.
 */
import { z } from 'zod';
import { baseRecordSchema, nonNegativeNumber, optionalText, requiredText } from './common';
import { isoDateSchema } from './dates';

export const valueStreamStepSchema = z.object({
  name: requiredText('Step name'),
  /** Hands-on time, in minutes. */
  processMinutes: nonNegativeNumber('Process time', 1e7),
  /** Waiting time before the step, in minutes. */
  waitMinutes: nonNegativeNumber('Wait time', 1e7),
  /** % complete & accurate: the share of work the next step can use as it arrives, 0–100. */
  pctCompleteAccurate: nonNegativeNumber('% complete & accurate', 100),
});
export type ValueStreamStep = z.infer<typeof valueStreamStepSchema>;

export const valueStreamMapInputSchema = z.object({
  appId: z.string({ error: 'App is required' }).uuid('App is required'),
  label: requiredText('Label'),
  date: isoDateSchema('Date'),
  steps: z.array(valueStreamStepSchema).min(1, 'A value stream needs at least one step').max(200),
  notes: optionalText('Notes'),
});
export type ValueStreamMapInput = z.input<typeof valueStreamMapInputSchema>;
export const valueStreamMapSchema = baseRecordSchema.and(valueStreamMapInputSchema);
export type ValueStreamMap = z.infer<typeof valueStreamMapSchema>;
