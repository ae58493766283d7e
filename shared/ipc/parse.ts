/**
 * Parses one side of a desktop API call against its contract schema. Shared by the main process
 * (requests in, responses out), the preload (requests out, responses in) and the browser
 * fallback, so a bad value is reported the same way everywhere: the channel, then each field
 * and its problem.
 */
import type { z } from 'zod';
import { problemsFromZod } from '../domain/common';

export function parseIpc<S extends z.ZodType>(
  schema: S,
  value: unknown,
  channel: string,
  side: 'request' | 'response',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = problemsFromZod(result.error)
    .map((p) => `${p.field || side}: ${p.message}`)
    .join('; ');
  throw new Error(`Invalid ${channel} ${side}: ${problems}`);
}
