import { ConfigError } from './ConfigError.js';
import { FORBIDDEN_KEYS } from './checkConfigShape.js';

/**
 * A copy of `raw` with the value at the dotted `path` set (`critic.constraints.0.options.clip`;
 * lists by index). Missing objects on the way are created, as lists where the next key is an index.
 * A path through `__proto__`, `prototype` or `constructor` is refused: it would write into
 * Object.prototype, not the config.
 */
export function setConfigPath(raw: unknown, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  const forbidden = keys.find((key) => FORBIDDEN_KEYS.includes(key));
  if (forbidden !== undefined) throw new ConfigError(`${path}: "${forbidden}" is not a config field`);
  const root: Record<string, unknown> = structuredClone(
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {},
  );
  let node = root;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] ?? ''] = structuredClone(value);
  return root;
}
