import { ConfigError } from './ConfigError.js';

/** Keys that would reach Object.prototype (or a constructor) when a config is set by path. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'prototype', 'constructor'];

/**
 * The bounds of a config as written: no real config nests deeper than a dozen levels or
 * holds more than a few thousand values. A YAML alias bomb (each alias a reference, cheap
 * to parse, exponential once walked) or a 5,000-deep list stops here with one line instead
 * of exhausting the stack or the heap in validation, cloning or labelling.
 */
export const CONFIG_LIMITS = { depth: 64, values: 100_000, bytes: 1 << 20 } as const;

/**
 * Checks a raw config (or a value about to be put in one) before anything else reads it:
 * every key is an ordinary field name, nesting is at most CONFIG_LIMITS.depth levels and the
 * tree, with every YAML alias expanded, has at most CONFIG_LIMITS.values values. The walk
 * itself stops at the first bound, so it costs at most that many steps. `where` names the
 * file or flag in the one-line ConfigError.
 */
export function checkConfigShape(raw: unknown, where: string): void {
  let values = 0;
  // Iterative, so that the check itself cannot overflow the stack it protects.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: raw, path: '', depth: 0 }];
  const at = (path: string): string => (path === '' ? where : `${where}: ${path}`);
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (++values > CONFIG_LIMITS.values)
      throw new ConfigError(
        `${where}: more than ${String(CONFIG_LIMITS.values)} values once YAML aliases are expanded; a config is far smaller (an alias bomb?)`,
      );
    const { value, path, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= CONFIG_LIMITS.depth)
      throw new ConfigError(`${where}: nested more than ${String(CONFIG_LIMITS.depth)} levels deep`);
    for (const key of Object.keys(value)) {
      const child = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.includes(key)) throw new ConfigError(`${at(child)}: "${key}" is not allowed as a field name`);
      stack.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
}
