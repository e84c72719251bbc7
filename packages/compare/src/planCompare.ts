import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigError,
  ConfigSchema,
  ExtensionRegistry,
  loadPlugins,
  parseOrThrow,
  resolveConfig,
  useBackend,
  type IpmPlugin,
} from '@ipmgan/core';
import type { PlannedRun } from './PlannedRun.js';

/** Re-labels an error about the run's `objective` field as one about its entry in compare.objectives. */
function entryError(error: unknown, index: number, isString: boolean): unknown {
  if (!(error instanceof ConfigError)) return error;
  const entry = `compare.objectives.${String(index)}`;
  const message = error.message
    .replace(/^objective\.name:/, isString ? `${entry}:` : `${entry}.name:`)
    .replace(/^objective\./, `${entry}.`);
  return message === error.message ? error : new ConfigError(message);
}

/**
 * Expands a compare config into one run per objective x seed: the file with `objective`
 * replaced and `seed` set, each resolved with its objective's own defaults. Every run is
 * validated (and the shared data source opened once) before any starts; a bad entry
 * fails with one line naming `compare.objectives.<i>`.
 */
export async function planCompare(
  raw: unknown,
  baseDir: string,
  now = new Date(),
  /** Where the runs and the report go; default `<run.dir>/<name>-compare-<stamp>`. */
  into?: string,
): Promise<{ directory: string; runs: PlannedRun[]; plotIterations?: number[] }> {
  const parsed = parseOrThrow(ConfigSchema, raw);
  const compare = parsed.compare;
  if (compare === undefined)
    throw new ConfigError('compare: missing; add e.g. compare: { objectives: [wgan, gan] } (ipmgan train runs one)');
  const shared = { ...(raw as Record<string, unknown>) };
  delete shared.compare;
  const seeds = compare.seeds ?? [parsed.seed];
  const twice = seeds.find((s, i) => seeds.indexOf(s) !== i);
  if (twice !== undefined) throw new ConfigError(`compare.seeds: seed ${String(twice)} is listed twice`);
  const ids: string[] = [];
  const resolved: { index: number; seed: number; config: PlannedRun['config'] }[] = [];
  let plugins: readonly IpmPlugin[] = [];
  for (const [index, entry] of compare.objectives.entries()) {
    const isString = typeof entry === 'string';
    const objective = isString ? { name: entry } : entry;
    try {
      plugins = await loadPlugins({ objective: objective.name, plugins: parsed.plugins }, baseDir);
      for (const seed of seeds) {
        const config = resolveConfig({ ...shared, objective, seed }, plugins);
        resolved.push({ index, seed, config });
      }
    } catch (error) {
      throw entryError(error, index, isString);
    }
    ids.push(resolved[resolved.length - 1]?.config.objective.name ?? objective.name);
  }
  // The data source is shared: open it once here so a bad data file stops the compare before it starts.
  const first = resolved[0]?.config;
  if (first) {
    await useBackend(first.backend);
    const registry = new ExtensionRegistry(plugins.flatMap((p) => p.extensions));
    await registry.get('data', first.data.name, 'data.name').create(first.data.options, { baseDir });
  }
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let directory = into ?? resolve(baseDir, parsed.run.dir, `${parsed.name}-compare-${stamp}`);
  for (let i = 2; into === undefined && existsSync(directory); i++)
    directory = resolve(baseDir, parsed.run.dir, `${parsed.name}-compare-${stamp}-${String(i)}`);
  const runs = resolved.map(({ index, seed, config }) => {
    const id = ids[index] ?? config.objective.name;
    const label = ids.filter((other) => other === id).length > 1 ? `${id}-${String(index)}` : id;
    return { label, seed, config, directory: join(directory, `${label}-seed${String(seed)}`) };
  });
  return compare.plotIterations ? { directory, runs, plotIterations: compare.plotIterations } : { directory, runs };
}
