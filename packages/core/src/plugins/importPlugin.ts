import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/ConfigError.js';
import type { IpmPlugin } from './IpmPlugin.js';
import { namePluginFailures } from './namePluginFailures.js';
import { pluginSearchRoots } from './pluginSearchRoots.js';

function isPlugin(value: unknown): value is IpmPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && Array.isArray(v.extensions) && typeof v.module === 'object';
}

/** A bare npm package name (`pkg`, `@scope/pkg`), as opposed to a path to a module file. */
const isPackageName = (name: string): boolean =>
  /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name) && !/\.[cm]?[jt]s$/.test(name);

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/**
 * Imports package `name` from the first search root that has it (the config file's
 * project, the current directory's, then ipmgan's own installation: pluginSearchRoots).
 * Resolves to undefined when none has it; a package that throws while importing gets one
 * line naming `field`.
 */
export async function importPackage(
  name: string,
  projectDir: string,
  field: string,
): Promise<Record<string, unknown> | undefined> {
  let resolved: string | undefined;
  for (const root of pluginSearchRoots(projectDir)) {
    try {
      resolved = createRequire(join(root, 'package.json')).resolve(name);
      break;
    } catch {
      // Not installed from this root: try the next one.
    }
  }
  if (resolved === undefined) return undefined;
  try {
    return (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`package "${name}" throws when imported: ${firstLine(error)}`, field.split('.'));
  }
}

/**
 * Imports plugin package `name` (see importPackage for where from) and returns its
 * `ipmganPlugin` export, whose failures while running name the package
 * (namePluginFailures). A package that is absent, throws while importing, exports no
 * plugin, or exports one under another package's name gets one line naming `field`.
 */
export async function importPlugin(name: string, projectDir: string, field: string): Promise<IpmPlugin> {
  const module = await importPackage(name, projectDir, field);
  if (module === undefined)
    throw new ConfigError(
      `package "${name}" is not installed in ${projectDir} (npm install ${name})`,
      field.split('.'),
    );
  const plugin = module.ipmganPlugin;
  if (!isPlugin(plugin))
    throw new ConfigError(
      `package "${name}" does not export an ipmganPlugin (a plugin made with definePlugin); remove it from plugins or fix its exports`,
      field.split('.'),
    );
  // A package speaks for itself only: config.resolved.json records the plugin's name.
  if (isPackageName(name) && plugin.name !== name)
    throw new ConfigError(
      `package "${name}" exports an ipmganPlugin named "${plugin.name}"; a plugin's name must be its package's`,
      field.split('.'),
    );
  return namePluginFailures(plugin);
}
