import { ConfigError } from '../config/ConfigError.js';
import type { ParsedConfig } from '../config/ConfigSchema.js';

/**
 * The backend of the conformance kits' runs: cpu (plain JavaScript kernels, the same on every
 * machine) unless IPMGAN_CONFORMANCE_BACKEND=wasm, which runs them on wasm with whatever
 * kernel set the process gets (@ipmgan/native's where it loads; wasm's own under
 * IPMGAN_NATIVE=0), so that `npm run test:kernels` proves the kits pass on both paths.
 */
export function kitBackend(environment: NodeJS.ProcessEnv = process.env): ParsedConfig['backend'] {
  const chosen = environment.IPMGAN_CONFORMANCE_BACKEND;
  if (chosen === undefined || chosen === '' || chosen === 'cpu') return 'cpu';
  if (chosen === 'wasm') return 'wasm';
  throw new ConfigError(`IPMGAN_CONFORMANCE_BACKEND: expected cpu or wasm, got "${chosen}"`);
}
