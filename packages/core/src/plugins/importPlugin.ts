import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/ConfigError.js';
import type { IpmPlugin } from './IpmPlugin.js';

function isPlugin(value: unknown): value is IpmPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && Array.isArray(v.extensions) && typeof v.module === 'object';
}

/** Imports package `name` as resolved from `projectDir` and returns its `ipmganPlugin` export. */
export async function importPlugin(name: string, projectDir: string, field: string): Promise<IpmPlugin> {
  let resolved: string;
  try {
    resolved = createRequire(join(projectDir, 'package.json')).resolve(name);
  } catch {
    throw new ConfigError(`${field}: package "${name}" is not installed in ${projectDir} (npm install ${name})`);
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new ConfigError(`${field}: package "${name}" throws when imported: ${reason}`);
  }
  const plugin = module.ipmganPlugin;
  if (!isPlugin(plugin)) throw new ConfigError(`${field}: package "${name}" does not export an ipmganPlugin`);
  return plugin;
}
