import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** An installed package that declares itself an ipmgan plugin in its package.json. */
export interface DiscoveredPlugin {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  /** The objective ids and aliases it declares (`"ipmganPlugin": { "objective": "wgan", "aliases": [...] }`). */
  readonly ids: readonly string[];
  readonly directory: string;
}

interface Manifest {
  name?: string;
  version?: string;
  description?: string;
  // Not `ipmgan`: cosmiconfig reads that key of package.json as a user config.
  ipmganPlugin?: { objective?: string; aliases?: string[] };
}

function readManifest(dir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * Lists the plugin packages visible from `fromDir`, looking in every node_modules up the
 * tree as Node's resolution does, without importing them. The nearest wins on duplicates.
 */
export function discoverPlugins(fromDir: string): DiscoveredPlugin[] {
  const found = new Map<string, DiscoveredPlugin>();
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    if (existsSync(modules)) {
      const entries = readdirSync(modules).flatMap((entry) =>
        entry.startsWith('@') ? readdirSync(join(modules, entry)).map((sub) => join(entry, sub)) : [entry],
      );
      for (const entry of entries) {
        const directory = join(modules, entry);
        const manifest = readManifest(directory);
        const meta = manifest?.ipmganPlugin;
        if (!manifest?.name || !meta?.objective || found.has(manifest.name)) continue;
        found.set(manifest.name, {
          name: manifest.name,
          version: manifest.version ?? '0.0.0',
          description: manifest.description ?? '',
          ids: [meta.objective, ...(meta.aliases ?? [])],
          directory,
        });
      }
    }
    if (dirname(dir) === dir) break;
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
