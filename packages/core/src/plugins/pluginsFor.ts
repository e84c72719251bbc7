import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { IpmPlugin } from './IpmPlugin.js';
import { loadPlugins } from './loadPlugins.js';

/** What pluginsFor reads of a config: a raw one names its objective, a resolved one its package. */
export type PluginsOf =
  | { readonly objective: { readonly name: string }; readonly plugins?: readonly string[] }
  | Pick<ResolvedConfig, 'objective' | 'plugins'>;

/**
 * The plugins of a config, the one policy every run is built with: core, the package that
 * provides its objective and its `plugins`, imported from `projectDir`'s search roots with
 * loadPlugins' identity rules. A raw config's objective name is looked up among the
 * installed packages; a resolved config already records the package (objective.package).
 */
export async function pluginsFor(config: PluginsOf, projectDir: string): Promise<IpmPlugin[]> {
  const plugins = config.plugins ?? [];
  return 'package' in config.objective
    ? loadPlugins({ package: config.objective.package, plugins }, projectDir)
    : loadPlugins({ objective: config.objective.name, plugins }, projectDir);
}
