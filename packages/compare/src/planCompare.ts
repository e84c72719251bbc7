import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  checkMemoryEstimate,
  ConfigError,
  ConfigSchema,
  expandSweep,
  ExtensionRegistry,
  loadPlugins,
  parseOrThrow,
  resolveConfig,
  sweepLabel,
  useBackend,
  type IpmPlugin,
  type SweepSetting,
} from '@ipmgan/core';
import type { PlannedRun } from './PlannedRun.js';
import { withSweepSetting } from './withSweepSetting.js';

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
 * Expands a compare config into one run per objective x sweep setting x seed: the file with
 * `objective` replaced, the setting's paths set (compare.sweep; none without it) and `seed`
 * set, each resolved with its objective's own defaults. Every run is validated (and the
 * shared data source opened once) before any starts; a bad entry fails with one line naming
 * `compare.objectives.<i>`, a bad swept path or value one naming it under `compare.sweep`.
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
  const settings: readonly (SweepSetting | null)[] = compare.sweep ? expandSweep(compare.sweep) : [null];
  const ids: string[] = [];
  const resolved: {
    index: number;
    seed: number;
    settings: Readonly<Record<string, unknown>>;
    label: string;
    config: PlannedRun['config'];
  }[] = [];
  let plugins: readonly IpmPlugin[] = [];
  for (const [index, entry] of compare.objectives.entries()) {
    const isString = typeof entry === 'string';
    const objective = isString ? { name: entry } : entry;
    try {
      plugins = await loadPlugins({ objective: objective.name, plugins: parsed.plugins }, baseDir);
      // The entry alone first, so a bad entry is named as one before any setting is applied.
      const plain = resolveConfig({ ...shared, objective, seed: seeds[0] }, plugins);
      // Settings that differ only in paths this objective ignores (no critic) give one run, not several.
      const planned = new Set<string>();
      for (const setting of settings)
        for (const seed of seeds) {
          const raw = { ...shared, objective, seed };
          const { config, applied } = setting
            ? withSweepSetting(raw, plain, setting, plugins)
            : { config: resolveConfig(raw, plugins), applied: {} };
          const label = setting ? sweepLabel(applied, setting.paths) : '';
          if (planned.has(`${label}\u0000${String(seed)}`)) continue;
          planned.add(`${label}\u0000${String(seed)}`);
          resolved.push({ index, seed, settings: applied, label, config });
        }
    } catch (error) {
      throw entryError(error, index, isString);
    }
    ids.push(resolved[resolved.length - 1]?.config.objective.name ?? objective.name);
  }
  // The data source is shared: open it once here so a bad data file stops the compare before it starts.
  const first = resolved[0]?.config;
  if (first) {
    await useBackend(first.backend, 1, first.native);
    const registry = new ExtensionRegistry(plugins.flatMap((p) => p.extensions));
    const data = await registry.get('data', first.data.name, 'data.name').create(first.data.options, { baseDir });
    // And every run's training step must fit in memory, before the compare directory exists.
    for (const run of resolved) checkMemoryEstimate(run.config, data.shape, registry);
  }
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let directory = into ?? resolve(baseDir, parsed.run.dir, `${parsed.name}-compare-${stamp}`);
  for (let i = 2; into === undefined && existsSync(directory); i++)
    directory = resolve(baseDir, parsed.run.dir, `${parsed.name}-compare-${stamp}-${String(i)}`);
  const runs = resolved.map(({ index, seed, settings: values, label: setting, config }): PlannedRun => {
    const id = ids[index] ?? config.objective.name;
    const objective = ids.filter((other) => other === id).length > 1 ? `${id}-${String(index)}` : id;
    const label = setting === '' ? objective : `${objective}-${setting}`;
    return {
      label,
      objective,
      settings: values,
      seed,
      config,
      directory: join(directory, `${label}-seed${String(seed)}`),
    };
  });
  return compare.plotIterations ? { directory, runs, plotIterations: compare.plotIterations } : { directory, runs };
}
