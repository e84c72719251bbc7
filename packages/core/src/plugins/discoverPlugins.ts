import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PluginManifest } from './PluginManifest.js';
import { pluginSearchRoots } from './pluginSearchRoots.js';

/** An installed package that declares itself an ipmgan plugin in its package.json. */
export interface DiscoveredPlugin {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  /** Its objective's id and aliases (`"ipmganPlugin": { "objective": "wgan", "aliases": [...] }`); empty for other plugins. */
  readonly ids: readonly string[];
  /** Its package.json `ipmganPlugin` field. */
  readonly manifest: PluginManifest;
  readonly directory: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  description?: string;
  // Not `ipmgan`: cosmiconfig reads that key of package.json as a user config.
  ipmganPlugin?: PluginManifest;
}

function readPackageJson(dir: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

/** Every node_modules that Node's resolution would search from `fromDir`, nearest first. */
function nodeModulesFrom(fromDir: string): string[] {
  const found: string[] = [];
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    if (existsSync(modules)) found.push(modules);
    if (dirname(dir) === dir) return found;
  }
}

/**
 * Lists the plugin packages visible from `projectDir`, without importing them: those in
 * every node_modules from the config file's project up, then from the current directory
 * up, then from ipmgan's own installation up (pluginSearchRoots). The first found wins
 * when a package is installed in several places, as importPlugin resolves it.
 */
export function discoverPlugins(projectDir: string): DiscoveredPlugin[] {
  const found = new Map<string, DiscoveredPlugin>();
  const searched = new Set<string>();
  for (const modules of pluginSearchRoots(projectDir).flatMap(nodeModulesFrom)) {
    if (searched.has(modules)) continue;
    searched.add(modules);
    const entries = readdirSync(modules).flatMap((entry) =>
      entry.startsWith('@') ? readdirSync(join(modules, entry)).map((sub) => join(entry, sub)) : [entry],
    );
    for (const entry of entries) {
      const directory = join(modules, entry);
      const json = readPackageJson(directory);
      const manifest = json?.ipmganPlugin;
      if (!json?.name || typeof manifest !== 'object' || found.has(json.name)) continue;
      found.set(json.name, {
        name: json.name,
        version: json.version ?? '0.0.0',
        description: json.description ?? '',
        ids: manifest.objective === undefined ? [] : [manifest.objective, ...(manifest.aliases ?? [])],
        manifest,
        directory,
      });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
