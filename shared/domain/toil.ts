/**
 * Developer toil audits. The template ships with every statement and open question of the deck's
 * "Find the Developer Toil, Confusion, Blockers" slide, word for word, in the deck's order;
 * owners can add their own. Statements are answered on a 1–5 agreement scale, questions in text.
 */
import { z } from 'zod';
import { baseRecordSchema, optionalId, optionalText, requiredText, wholeNumber } from './common';
import { isoDateSchema } from './dates';

export const TOIL_ITEM_KINDS = ['statement', 'question'] as const;
export type ToilItemKind = (typeof TOIL_ITEM_KINDS)[number];

const DECK_TOIL_ITEMS: readonly [ToilItemKind, string][] = [
  ['question', 'What are we making?'],
  [
    'statement',
    "We have a strong vision for our product, and we're doing important work together every day to fulfill that vision.",
  ],
  ['statement', "I have the context I need to confidently make changes while I'm working."],
  ['statement', 'I am proud of the work I have delivered so far for our product.'],
  ['statement', 'I am learning things that I look forward to applying to future products.'],
  ['statement', "My workstation seems to disappear out from under me while I'm working."],
  ['statement', "It's easy to get my workstation into the state I need to develop our product."],
  ['question', 'What aspect of our workstation setup is painful?'],
  ['statement', "It's easy to run our software on my workstation while I'm developing it."],
  ['statement', 'I can boot our software up into the state I need with minimal effort.'],
  [
    'question',
    'What aspect of running our software locally is painful? What could we do to make it less painful?',
  ],
  ['statement', "It's easy to run our test suites and to author new ones."],
  ['statement', 'Tests are a stable, reliable, seamless part of my workflow.'],
  ['statement', 'Test failures give me the feedback I need on the code I am writing.'],
  ['question', 'What aspect of production support is painful?'],
  ['statement', 'We collaborate well with the teams whose software we integrate with.'],
  ['statement', 'When necessary, it is within my power to request timely changes from other teams.'],
  [
    'statement',
    "I have the resources I need to test and code confidently against other teams' integration points.",
  ],
  ['question', 'What aspect of integrating with other teams is painful?'],
  ['statement', "I'm rarely impacted by breaking changes from other tracks of work."],
  ['statement', "We almost always catch broken tests and code before they're merged in."],
  ['question', 'What aspect of committing changes is painful?'],
  [
    'statement',
    'Our release process (CI/CD) from source control to our story acceptance environment is fully automated.',
  ],
  [
    'statement',
    "If the release process (CI/CD) fails, I'm confident something is truly wrong, and I know I'll be able to track down the problem.",
  ],
  ['statement', 'Our team releases new versions of our software as often as the business needs us to.'],
  ['statement', 'We are meeting our service-level agreements with a minimum of unplanned work.'],
  [
    'statement',
    'When something is wrong in production, we reproduce and solve the problem in a lower environment.',
  ],
];

export interface ToilTemplateItem {
  /** Stable id, so answers stay attached when items are added. */
  id: string;
  kind: ToilItemKind;
  text: string;
  order: number;
  builtIn: boolean;
  /** Agreeing means MORE toil (the deck's "My workstation seems to disappear…"): scores read the other way. */
  reversed: boolean;
}

/** Deck statements where agreement is bad news. */
const REVERSED_DECK_STATEMENTS = new Set([
  "My workstation seems to disappear out from under me while I'm working.",
]);

/** The deck's template: ids `deck-01` … in slide order. */
export const DECK_TOIL_TEMPLATE: readonly ToilTemplateItem[] = DECK_TOIL_ITEMS.map(([kind, text], i) => ({
  id: `deck-${String(i + 1).padStart(2, '0')}`,
  kind,
  text,
  order: i,
  builtIn: true,
  reversed: REVERSED_DECK_STATEMENTS.has(text),
}));

export const toilItemInputSchema = z.object({
  kind: z.enum(TOIL_ITEM_KINDS, { error: 'Kind must be statement or question' }),
  text: requiredText('Text', 1000),
  order: wholeNumber('Order', 0, 100_000),
  builtIn: z.boolean().default(false),
  reversed: z.boolean().default(false),
  /**
   * The day from which the item is no longer asked (absent or null while it is asked; optional so
   * that items written before schema version 5 stay as they were): audits dated before
   * it still ask it, and their answers keep showing.
   */
  retiredOn: isoDateSchema('Retired on').nullable().optional(),
  /**
   * Earlier wordings, oldest first: audits dated before `until` asked `text`, so their answers
   * keep the wording they were given under (see wordingAt in toil-results.ts).
   */
  revisions: z
    .array(z.object({ text: requiredText('Earlier wording', 1000), until: isoDateSchema('Reworded on') }))
    .max(100, 'An item keeps at most 100 earlier wordings')
    .optional(),
});
export type ToilItemInput = z.input<typeof toilItemInputSchema>;
export const toilItemSchema = baseRecordSchema.and(toilItemInputSchema);
export type ToilItem = z.infer<typeof toilItemSchema>;

export const toilAuditInputSchema = z
  .object({
    title: requiredText('Title'),
    date: isoDateSchema('Date'),
    teamId: optionalId,
    appId: optionalId,
    cycleId: optionalId,
    notes: optionalText('Notes'),
  })
  .superRefine((a, ctx) => {
    if (!a.teamId && !a.appId)
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'Choose a team or an app' });
  });
export type ToilAuditInput = z.input<typeof toilAuditInputSchema>;
export const toilAuditSchema = baseRecordSchema.and(toilAuditInputSchema);
export type ToilAudit = z.infer<typeof toilAuditSchema>;

/** The lowest number of responses a group's results show with, unless the settings say otherwise. */
export const DEFAULT_TOIL_PRIVACY_THRESHOLD = 5;

/** One developer's answers to one audit. */
export const toilResponseInputSchema = z.object({
  auditId: z.string().uuid('Audit is required'),
  /**
   * Never shown with results (responses are anonymous): at most a survey tool's response id, so
   * that importing the same export again updates its rows instead of adding them twice.
   */
  respondent: optionalText('Respondent', 200),
  /** Statement id → agreement 1 (strongly disagree) … 5 (strongly agree); absent = not applicable. */
  scores: z.record(z.string(), wholeNumber('Agreement', 1, 5)).default({}),
  /** Question id → free-text answer. */
  answers: z
    .record(z.string(), z.string().max(10_000, 'An answer must be at most 10000 characters'))
    .default({}),
});
export type ToilResponseInput = z.input<typeof toilResponseInputSchema>;
export const toilResponseSchema = baseRecordSchema.and(toilResponseInputSchema);
export type ToilResponse = z.infer<typeof toilResponseSchema>;
