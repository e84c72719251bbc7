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
  exports?: unknown;
  // Not `ipmgan`: cosmiconfig reads that key of package.json as a user config.
  ipmganPlugin?: unknown;
}

const KINDS = ['data', 'network', 'constraint'] as const;

const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * What is wrong with a package's `ipmganPlugin` field, or undefined when it is a manifest:
 * an object whose `objective` is a string and whose `aliases` and per-kind fields are
 * lists of strings.
 */
function manifestProblem(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    return 'ipmganPlugin: expected an object such as { "objective": "wgan", "aliases": ["wgan-clip"] }';
  const m = manifest as Record<string, unknown>;
  if (m.objective !== undefined && typeof m.objective !== 'string') return 'ipmganPlugin.objective: expected a string';
  for (const key of ['aliases', ...KINDS])
    if (m[key] !== undefined && !isStrings(m[key])) return `ipmganPlugin.${key}: expected a list of strings`;
  return undefined;
}

// A command discovers several times (config, plugins list, experiments): warn once per package.json.
const warned = new Set<string>();

/** The default `warn` of discoverPlugins: one `ipmgan: warning:` line on stderr. */
function warnOnStderr(line: string): void {
  if (warned.has(line)) return;
  warned.add(line);
  process.stderr.write(`ipmgan: warning: ${line}\n`);
}

function readPackageJson(dir: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

/**
 * The folder of the package `fromDir` belongs to (the nearest package.json up) when Node
 * resolves that package's name from inside it, a self-reference: only with an `exports` field.
 */
function selfReferenced(fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return readPackageJson(dir)?.exports === undefined ? undefined : dir;
    if (dirname(dir) === dir) return undefined;
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

/** The package folders in `modules`, scoped ones included. */
function packagesIn(modules: string): string[] {
  return readdirSync(modules)
    .flatMap((entry) =>
      entry.startsWith('@') ? readdirSync(join(modules, entry)).map((sub) => join(entry, sub)) : [entry],
    )
    .map((entry) => join(modules, entry));
}

/**
 * Lists the plugin packages visible from `projectDir`, without importing them: from the
 * config file's project, then from the current directory, then from ipmgan's own
 * installation (pluginSearchRoots), the package each belongs to and those in every
 * node_modules from it up. The first found wins when a package is installed in several
 * places, as importPlugin resolves it (Node resolves a package's own name, a
 * self-reference, before node_modules). So a plugin's own folder finds the plugin: its
 * tests, killAndResume's children and `ipmgan train` run there need no install of it. A package
 * whose `ipmganPlugin` field is malformed (`"aliases": 5`) is skipped with one `warn` line
 * naming it, so that one broken package does not break every command.
 */
export function discoverPlugins(projectDir: string, warn: (line: string) => void = warnOnStderr): DiscoveredPlugin[] {
  const found = new Map<string, DiscoveredPlugin>();
  const searched = new Set<string>();
  const directories = pluginSearchRoots(projectDir).flatMap((root) => {
    const modules = nodeModulesFrom(root).filter((m) => !searched.has(m));
    for (const m of modules) searched.add(m);
    const own = selfReferenced(root);
    return [...(own === undefined ? [] : [own]), ...modules.flatMap(packagesIn)];
  });
  for (const directory of directories) {
    const json = readPackageJson(directory);
    if (json?.ipmganPlugin === undefined || typeof json.name !== 'string' || found.has(json.name)) continue;
    const problem = manifestProblem(json.ipmganPlugin);
    if (problem !== undefined) {
      warn(`${json.name} (${join(directory, 'package.json')}): ${problem}; the package is skipped as a plugin`);
      continue;
    }
    const manifest = json.ipmganPlugin as PluginManifest;
    found.set(json.name, {
      name: json.name,
      version: json.version ?? '0.0.0',
      description: json.description ?? '',
      ids: manifest.objective === undefined ? [] : [manifest.objective, ...(manifest.aliases ?? [])],
      manifest,
      directory,
    });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
