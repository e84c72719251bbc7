import { ConfigError } from '@ipmgan/core';
import { checkConfigShape, FORBIDDEN_KEYS, setConfigPath } from '@ipmgan/core/engine';

/** Parses the value of `--set key=value`: JSON where it parses (numbers, lists, booleans), else a string. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Splits `--set training.iterations=50` into its dotted path and parsed value. */
export function parseSetAssignment(assignment: string): { readonly path: string; readonly value: unknown } {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new ConfigError(`--set: expected key=value (e.g. training.iterations=500), got "${assignment}"`);
  const path = assignment.slice(0, eq);
  if (path.split('.').some((p) => p === '')) throw new ConfigError(`--set: "${path}" is not a dotted field path`);
  const forbidden = path.split('.').find((key) => FORBIDDEN_KEYS.includes(key));
  if (forbidden !== undefined) throw new ConfigError(`--set: "${path}": "${forbidden}" is not a config field`);
  const value = parseValue(assignment.slice(eq + 1));
  checkConfigShape(value, `--set ${path}`);
  return { path, value };
}

/** Returns a copy of `raw` with the dotted path of `assignment` (`training.iterations=50`) set. */
export function applySetOverride(raw: unknown, assignment: string): unknown {
  const { path, value } = parseSetAssignment(assignment);
  return setConfigPath(raw, path, value);
}
