import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CompareDirectory, RunDirectory } from '@ipmgan/core/engine';
import { CliError } from '../CliError.js';
import type { WatchTarget } from './WatchTarget.js';

function isCompare(path: string): boolean {
  return existsSync(new CompareDirectory(path).recordPath);
}

function isRun(path: string): boolean {
  return existsSync(new RunDirectory(path).configPath);
}

function compareTargets(path: string, prefix: string): WatchTarget[] {
  const compare = new CompareDirectory(path);
  return compare.read().runs.map((run, index) => ({
    id: `${prefix}${run.directory}`,
    name: `${prefix}${run.directory}`,
    label: `${prefix}${run.label}`,
    seed: run.seed,
    settings: run.settings,
    directory: compare.runPath(run.directory),
    compare: { directory: compare.path, index },
  }));
}

function runTarget(path: string, name: string): WatchTarget {
  return { id: name, name, label: name, seed: null, settings: {}, directory: path };
}

function subfolders(path: string): string[] {
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The runs under `dir`: a run directory (config.resolved.json), a compare directory
 * (compare.json: its runs, labelled and seeded as planned), or a folder whose sub-folders, or
 * their sub-folders (reproduce's `<out>/<experiment>/comparison`), are runs or compares (an
 * empty one is fine: runs may not have started yet). Read again on every poll, so runs that
 * start later appear.
 */
export function findWatchTargets(dir: string): WatchTarget[] {
  const path = resolve(dir);
  if (!existsSync(path)) throw new CliError(`watch: ${dir}: no such directory`);
  if (!statSync(path).isDirectory())
    throw new CliError(`watch: ${dir}: not a directory (expected a run, a compare or a folder of them)`);
  if (isCompare(path)) return compareTargets(path, '');
  if (isRun(path)) return [runTarget(path, basename(path))];
  // Folders one or two levels down, by their path under `dir`.
  const found = subfolders(path).flatMap((name) => {
    const child = join(path, name);
    if (isCompare(child) || isRun(child)) return [name];
    return subfolders(child)
      .map((inner) => `${name}/${inner}`)
      .filter((relative) => isCompare(join(path, relative)) || isRun(join(path, relative)));
  });
  const compares = found.filter((relative) => isCompare(join(path, relative)));
  return found.flatMap((relative) => {
    const folder = join(path, relative);
    if (isCompare(folder)) return compareTargets(folder, compares.length > 1 ? `${relative}/` : '');
    return [runTarget(folder, relative)];
  });
}
