import type { z } from 'zod';
import { ConfigError } from './ConfigError.js';
import { describeIssue } from './formatIssue.js';

/** Validates `value` against `schema`; on failure throws a one-line ConfigError for the first issue. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: readonly (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (!first) throw new ConfigError('invalid', prefix);
  const { path, detail } = describeIssue(first, prefix);
  // A root-level issue keeps its "(config):" label, as formatIssue writes it.
  throw path.length === 0 ? new ConfigError(`(config): ${detail}`) : new ConfigError(detail, path);
}
