import type { ExtensionKind } from '../contracts/Extension.js';

/**
 * The `ipmganPlugin` field of a plugin's package.json: what the package provides, read
 * without importing it. An objective package names its one objective and that
 * objective's aliases (`{ "objective": "wgan", "aliases": ["wgan-clip"] }`); a package
 * of other extensions lists their ids by kind (`{ "network": ["parallel-line"] }`).
 */
export type PluginManifest = { readonly objective?: string; readonly aliases?: readonly string[] } & {
  readonly [K in Exclude<ExtensionKind, 'objective'>]?: readonly string[];
};
