import { ConfigError } from '../config/ConfigError.js';
import type { ParsedConfig } from '../config/ConfigSchema.js';

/**
 * The native setting in effect: IPMGAN_NATIVE=0 turns the kernels off whatever the config
 * says (a way to rerun anything on wasm's kernels without editing files); unset or empty
 * leaves the config's. Any other value is a one-line ConfigError.
 */
export function nativeMode(
  configured: ParsedConfig['native'],
  environment: NodeJS.ProcessEnv = process.env,
): { readonly mode: ParsedConfig['native']; readonly why: string } {
  const variable = environment.IPMGAN_NATIVE;
  if (variable === undefined || variable === '') return { mode: configured, why: `native: "${configured}"` };
  if (variable === '0') return { mode: 'off', why: 'IPMGAN_NATIVE=0' };
  throw new ConfigError(
    `IPMGAN_NATIVE: expected 0 (native kernels off) or unset, got "${variable}"; the config's native field sets auto, on or off`,
  );
}
