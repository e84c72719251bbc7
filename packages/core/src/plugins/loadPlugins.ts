import { ConfigError } from '../config/ConfigError.js';
import { corePlugin } from './corePlugin.js';
import { discoverPlugins, type DiscoveredPlugin } from './discoverPlugins.js';
import { importPlugin } from './importPlugin.js';
import type { IpmPlugin } from './IpmPlugin.js';
import { officialProvider } from './officialPlugins.js';

/** The names a config refers to plugins by. */
export type PluginRequest = {
  /** `plugins`: extra package names. */
  readonly plugins?: readonly string[];
} & (
  | {
      /** `objective.name` of a raw config: a package name or an objective id/alias declared by an installed package. */
      readonly objective: string;
    }
  | {
      /** `objective.package` of a resolved config: the package its objective was resolved from. */
      readonly package: string;
    }
);

const OBJECTIVE_NAME = ['objective', 'name'];

/**
 * The installed package that provides objective `name`. A package name picks that package.
 * An official id (`wgan`, `gan`, an alias) is its official package's only, so that no other
 * package can stand in for it; any other id must be claimed by exactly one package.
 */
function objectiveOwner(name: string, installed: readonly DiscoveredPlugin[]): DiscoveredPlugin {
  const byName = installed.find((p) => p.name === name);
  if (byName) return byName;
  const claimants = installed.filter((p) => p.ids.includes(name));
  const official = officialProvider(name);
  if (official !== undefined) {
    const owner = installed.find((p) => p.name === official);
    if (owner) return owner;
    const others = claimants.map((p) => p.name);
    throw new ConfigError(
      `"${name}" is provided by ${official}, which is not installed (npm install ${official})` +
        (others.length === 0
          ? ''
          : `; ${others.join(', ')} also claims "${name}" but is not ${official}: name it by its package to use it (objective: { name: ${others[0] ?? ''} })`),
      OBJECTIVE_NAME,
    );
  }
  const [first, second] = claimants;
  if (first && second)
    throw new ConfigError(
      `"${name}" is claimed by both ${first.name} and ${second.name}; name one by its package (objective: { name: ${first.name} })`,
      OBJECTIVE_NAME,
    );
  if (first) return first;
  const list = installed
    .filter((p) => p.ids.length > 0)
    .map((p) => `${p.ids[0] ?? p.name} (${p.name})`)
    .join(', ');
  throw new ConfigError(
    `unknown objective "${name}"; installed: ${list === '' ? 'none (npm install @ipmgan/critic-wgan)' : list}`,
    OBJECTIVE_NAME,
  );
}

/**
 * Refuses two packages of one run that claim the same extension name (id or alias) of
 * one kind: which of them a config means would depend on load order.
 */
function refuseClashes(plugins: readonly IpmPlugin[], fields: readonly string[]): void {
  const owners = new Map<string, string>();
  plugins.forEach((plugin, i) => {
    for (const extension of plugin.extensions)
      for (const name of [extension.id, ...(extension.aliases ?? [])]) {
        const key = `${extension.kind}:${name}`;
        const owner = owners.get(key);
        if (owner !== undefined && owner !== plugin.name)
          throw new ConfigError(
            `${extension.kind} "${name}" is claimed by both ${owner} and ${plugin.name}; remove one of them from the config`,
            (fields[i] ?? 'plugins').split('.'),
          );
        owners.set(key, plugin.name);
      }
  });
}

/**
 * Finds and imports the plugins a config names (see pluginSearchRoots for where): core,
 * the package that provides the objective, and any extra packages. The objective's config
 * name may be the package name or an id the package declares (objectiveOwner says which
 * package an id means). An id of an official package that is not installed names the
 * package to install; any other unknown one fails with one line listing what is installed.
 * Two packages of the run claiming one extension name fail with one line naming both.
 */
export async function loadPlugins(request: PluginRequest, projectDir: string): Promise<IpmPlugin[]> {
  const owner =
    'package' in request ? request.package : objectiveOwner(request.objective, discoverPlugins(projectDir)).name;
  const extra = [...new Set(request.plugins ?? [])];
  const names = [owner, ...extra.filter((n) => n !== owner)];
  const fields = [
    'core',
    'package' in request ? 'objective.package' : 'objective.name',
    ...names.slice(1).map((n) => `plugins.${String((request.plugins ?? []).indexOf(n))}`),
  ];
  const plugins = [corePlugin];
  for (const [i, name] of names.entries()) plugins.push(await importPlugin(name, projectDir, fields[i + 1] ?? ''));
  refuseClashes(plugins, fields);
  return plugins;
}
