import type { z } from 'zod';

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value)
    : typeof value;
}

function expectedNumber(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, big: boolean): string {
  const bound = big ? issue.maximum : issue.minimum;
  if (!big && bound === 0 && issue.inclusive === false) return 'a positive number';
  if (!big && bound === 0 && issue.inclusive === true) return 'a non-negative number';
  const op = big ? (issue.inclusive === false ? '<' : '<=') : issue.inclusive === false ? '>' : '>=';
  return `a number ${op} ${String(bound)}`;
}

/** `objective.options.clip: expected a positive number, got -1`: one line per zod issue. */
export function formatIssue(issue: z.core.$ZodIssue, prefix: readonly (string | number)[] = []): string {
  const { path, detail } = describeIssue(issue, prefix);
  return `${path.length === 0 ? '(config)' : path.join('.')}: ${detail}`;
}

/** The field of a zod issue (under `prefix`) and what was expected there. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly (string | number)[] = [],
): { path: (string | number)[]; detail: string } {
  const at = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const got = `got ${show(issue.input)}`;
  if (issue.code === 'unrecognized_keys')
    return {
      path: [...at, issue.keys[0] ?? ''],
      detail: 'unknown field (check the spelling; see docs/configuration.md)',
    };
  return { path: at, detail: expectation(issue, got) };
}

function expectation(issue: z.core.$ZodIssue, got: string): string {
  switch (issue.code) {
    case 'invalid_type': {
      const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
      const expected = issue.expected === 'int' ? 'an integer' : `${article} ${issue.expected}`;
      return `expected ${expected}, ${issue.input === undefined ? 'but it is missing' : got}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} entries`;
      if (issue.origin === 'string') return `expected a non-empty string`;
      return `expected ${expectedNumber(issue, false)}, ${got}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${String(issue.maximum)} entries`;
      return `expected ${expectedNumber(issue, true)}, ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, ${got}`;
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : undefined;
      const key = 'discriminator' in issue && typeof issue.discriminator === 'string' ? issue.discriminator : undefined;
      const input: unknown = issue.input;
      const value =
        key && typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : input;
      if (options) return `expected one of ${options.map((v) => JSON.stringify(v)).join(', ')}, got ${show(value)}`;
      return issue.message;
    }
    case 'invalid_format':
      // A schema's own message (e.g. for a regex) says what is expected better than the format name.
      return issue.format === 'regex' && issue.message !== 'Invalid string: must match pattern'
        ? `expected ${issue.message}, ${got}`
        : `expected a ${issue.format}, ${got}`;
    default:
      return issue.message;
  }
}
