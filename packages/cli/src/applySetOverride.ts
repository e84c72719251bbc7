import { ConfigError } from '@ipmgan/core';

/** Parses the value of `--set key=value`: JSON where it parses (numbers, lists, booleans), else a string. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Returns a copy of `raw` with the dotted path of `assignment` (`training.iterations=50`) set. */
export function applySetOverride(raw: unknown, assignment: string): unknown {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new ConfigError(`--set: expected key=value (e.g. training.iterations=500), got "${assignment}"`);
  const path = assignment.slice(0, eq).split('.');
  if (path.some((p) => p === ''))
    throw new ConfigError(`--set: "${assignment.slice(0, eq)}" is not a dotted field path`);
  const root: Record<string, unknown> = structuredClone(
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {},
  );
  // Lists are addressed by index (critic.constraints.0.options.clip): arrays are objects keyed by index.
  let node = root;
  for (const [i, key] of path.slice(0, -1).entries()) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = /^\d+$/.test(path[i + 1] ?? '') ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] ?? ''] = parseValue(assignment.slice(eq + 1));
  return root;
}
