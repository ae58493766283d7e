/**
 * What every stored record shares, and how validation problems are reported.
 *
 * Records carry a random UUID and `createdAt`/`updatedAt` timestamps (ISO instants) so that an
 * advocate's data can later be merged into the owner's, and synced between machines, without
 * id collisions: auto-increment ids would break that.
 */
import { z } from 'zod';

export const idSchema = z.string().uuid('must be an id (UUID)');
export type Id = string;

export const baseRecordSchema = z.object({
  id: idSchema,
  createdAt: z.string().datetime({ offset: true }),
  updatedAt: z.string().datetime({ offset: true }),
});
export type BaseRecord = z.infer<typeof baseRecordSchema>;

/** A required, trimmed, single-line text field with a length cap, with messages naming the field. */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

/**
 * A text as the text fields above store it (they trim it): compare a form's value with a stored
 * one through this, or a note that starts or ends with a line break never reads as saved.
 */
export function storedText(text: string): string {
  return text.trim();
}

/** An optional free-text field (notes, descriptions): empty string when absent. */
export function optionalText(label: string, max = 20000) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .default('');
}

/** A whole number within a range, with messages naming the field. */
export function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a number` })
    .refine((v) => Number.isFinite(v), `${label} must be a number`)
    .refine((v) => Number.isInteger(v), `${label} must be a whole number`)
    .refine((v) => v >= min, min === 0 ? `${label} cannot be negative` : `${label} must be at least ${min}`)
    .refine((v) => v <= max, `${label} must be at most ${max}`);
}

/** A non-negative number (hours, minutes, values) with a cap. */
export function nonNegativeNumber(label: string, max = 1e12) {
  return z
    .number({ error: `${label} must be a number` })
    .refine((v) => Number.isFinite(v), `${label} must be a number`)
    .refine((v) => v >= 0, `${label} cannot be negative`)
    .refine((v) => v <= max, `${label} must be at most ${max}`);
}

/** An optional reference to another record. */
export const optionalId = idSchema.nullable().default(null);

export interface FieldProblem {
  /** Dotted path of the field, e.g. `name` or `steps.2.waitMinutes`. Empty for the whole record. */
  field: string;
  message: string;
}

/** Raised by every write that fails validation; carries one message per field problem. */
export class ValidationError extends Error {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[], what = 'The record') {
    super(`${what} was not saved: ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'ValidationError';
    this.problems = problems;
  }
  /** The first message for a field, for showing next to that field in a form. */
  messageFor(field: string): string | undefined {
    return this.problems.find((p) => p.field === field)?.message;
  }
}

export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses with a schema and throws a ValidationError naming every bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(problemsFromZod(result.error), what);
  return result.data;
}

/** A map of field → first message, for forms. */
export function fieldErrors(problems: FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (!(p.field in out)) out[p.field] = p.message;
  return out;
}

export function newId(): Id {
  return crypto.randomUUID();
}

export function nowInstant(now: Date = new Date()): string {
  return now.toISOString();
}
