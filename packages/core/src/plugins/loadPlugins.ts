import { ConfigError } from '../config/ConfigError.js';
import { corePlugin } from './corePlugin.js';
import { discoverPlugins } from './discoverPlugins.js';
import { importPlugin } from './importPlugin.js';
import type { IpmPlugin } from './IpmPlugin.js';
import { officialProvider } from './officialPlugins.js';

/** The names a raw config refers to plugins by. */
export interface PluginRequest {
  /** `objective.name`: a package name or an objective id/alias declared by an installed package. */
  readonly objective: string;
  /** `plugins`: extra package names. */
  readonly plugins?: readonly string[];
}

/**
 * Finds and imports the plugins a config names (see pluginSearchRoots for where): core,
 * the package that provides the objective, and any extra packages. The objective's config
 * name may be the package name or an id the package declares. An id of an official
 * package that is not installed names the package to install; any other unknown one
 * fails with one line listing what is installed.
 */
export async function loadPlugins(request: PluginRequest, projectDir: string): Promise<IpmPlugin[]> {
  const installed = discoverPlugins(projectDir);
  const owner = installed.find((p) => p.name === request.objective || p.ids.includes(request.objective));
  if (!owner) {
    const official = officialProvider(request.objective);
    if (official !== undefined)
      throw new ConfigError(
        `objective.name: "${request.objective}" is provided by ${official}, which is not installed (npm install ${official})`,
      );
    const list = installed
      .filter((p) => p.ids.length > 0)
      .map((p) => `${p.ids[0] ?? p.name} (${p.name})`)
      .join(', ');
    throw new ConfigError(
      `objective.name: unknown objective "${request.objective}"; installed: ${list === '' ? 'none (npm install @ipmgan/critic-wgan)' : list}`,
    );
  }
  const names = [owner.name, ...(request.plugins ?? []).filter((n) => n !== owner.name)];
  const plugins = [corePlugin];
  for (const [i, name] of names.entries()) {
    plugins.push(await importPlugin(name, projectDir, i === 0 ? 'objective.name' : `plugins.${String(i - 1)}`));
  }
  return plugins;
}
