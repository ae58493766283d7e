/** Helpers for forms: parse number inputs without silently turning bad text into 0. */
import { ValidationError, fieldErrors } from '../../shared/domain';

/** A number input's value: a number, or the raw text when it is not one (so zod says "must be a number"). */
export function numberValue(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  const n = Number(trimmed);
  return Number.isNaN(n) ? trimmed : n;
}

/** Field → message map from a failed save, or null when the error is not about fields. */
export function errorsOf(error: unknown): Record<string, string> | null {
  return error instanceof ValidationError ? fieldErrors(error.problems) : null;
}
