import type { NetworkExtension } from '../contracts/Extension.js';

/**
 * Types a network extension against its own options, then erases them for registries:
 * the registry parses options with the extension's own schema before calling create.
 */
export function defineNetwork<O>(ext: NetworkExtension<O>): NetworkExtension {
  return ext;
}
