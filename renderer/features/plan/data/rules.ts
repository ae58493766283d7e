/** The Plan area's rule errors: a rule that is not about one field, with what to do instead. */
/**
 * A plan rule that is not about one field (only the last cycle can be deleted, nothing is active
 * to close): the message says what to do instead.
 */
export class PlanRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanRuleError';
  }
}
