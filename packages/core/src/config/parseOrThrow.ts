import type { z } from 'zod';
import { ConfigError } from './ConfigError.js';
import { formatIssue } from './formatIssue.js';

/** Validates `value` against `schema`; on failure throws a one-line ConfigError for the first issue. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: readonly (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new ConfigError(first ? formatIssue(first, prefix) : `${prefix.join('.')}: invalid`);
}
