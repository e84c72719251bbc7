import { join, resolve } from 'node:path';
import { ConfigError } from '@ipmgan/core';
import {
  checkMemoryEstimate,
  checkRunParent,
  ConfigSchema,
  expandSweep,
  parseOrThrow,
  pluginsFor,
  resolve as resolveWithExtensions,
  resolveConfig,
  stampedPath,
  sweepLabel,
  useBackend,
  type ExtensionRegistry,
  type SweepSetting,
} from '@ipmgan/core/engine';
import type { PlannedRun } from './PlannedRun.js';
import { withSweepSetting } from './withSweepSetting.js';

/** The most runs one compare may plan; each is a full training run with its own folder. */
const MAX_COMPARE_RUNS = 5000;

/** A run folder's name must fit the file system's limit on one path segment (255 bytes on ext4, APFS, NTFS). */
const MAX_NAME_BYTES = 255;

/** An error about a field under the run's `objective` is one about its entry in compare.objectives. */
function entryError(error: unknown, index: number, isString: boolean): unknown {
  if (!(error instanceof ConfigError) || error.path[0] !== 'objective' || error.path.length < 2) return error;
  const rest = error.path.slice(1);
  // A string entry is the objective's name itself.
  const field = isString && rest.length === 1 && rest[0] === 'name' ? [] : rest;
  return error.at(['compare', 'objectives', index, ...field]);
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
  const sweep = compare.sweep;
  // Expanded lazily, once per objective (SweepSchema bounds the count).
  const settings: Iterable<SweepSetting | null> = sweep ? { [Symbol.iterator]: () => expandSweep(sweep) } : [null];
  const size = sweep
    ? sweep.grid
      ? Object.values(sweep.grid).reduce((n, v) => n * v.length, 1)
      : (sweep.list?.length ?? 0)
    : 1;
  const total = compare.objectives.length * size * seeds.length;
  if (total > MAX_COMPARE_RUNS)
    throw new ConfigError(
      `compare: ${String(compare.objectives.length)} objectives x ${String(size)} settings x ${String(seeds.length)} seeds = ${String(total)} runs; a compare may have at most ${String(MAX_COMPARE_RUNS)}`,
    );
  const ids: string[] = [];
  const resolved: {
    index: number;
    seed: number;
    settings: Readonly<Record<string, unknown>>;
    label: string;
    config: PlannedRun['config'];
  }[] = [];
  let extensions: ExtensionRegistry | undefined;
  for (const [index, entry] of compare.objectives.entries()) {
    const isString = typeof entry === 'string';
    const objective = isString ? { name: entry } : entry;
    try {
      const plugins = await pluginsFor({ objective, plugins: parsed.plugins }, baseDir);
      // The entry alone first, so a bad entry is named as one before any setting is applied.
      const entryResolved = resolveWithExtensions({ ...shared, objective, seed: seeds[0] }, plugins);
      const plain = entryResolved.config;
      extensions = entryResolved.extensions;
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
  if (first && extensions) {
    const registry = extensions;
    await useBackend(first.backend, 1, first.native);
    const data = await registry.get('data', first.data.name, 'data.name').create(first.data.options, { baseDir });
    // And every run's training step must fit in memory, before the compare directory exists.
    for (const run of resolved) checkMemoryEstimate(run.config, data.shape, registry);
  }
  checkRunParent(into ?? resolve(baseDir, parsed.run.dir), into === undefined ? 'run.dir' : '--resume');
  const directory = into ?? stampedPath(resolve(baseDir, parsed.run.dir), `${parsed.name}-compare`, now);
  const runs = resolved.map(({ index, seed, settings: values, label: setting, config }): PlannedRun => {
    const id = ids[index] ?? config.objective.name;
    const objective = ids.filter((other) => other === id).length > 1 ? `${id}-${String(index)}` : id;
    const label = setting === '' ? objective : `${objective}-${setting}`;
    const name = `${label}-seed${String(seed)}`;
    if (Buffer.byteLength(name) > MAX_NAME_BYTES)
      throw new ConfigError(
        `compare.sweep: the run folder name "${name.slice(0, 40)}..." is ${String(Buffer.byteLength(name))} bytes, more than a file name may have (${String(MAX_NAME_BYTES)}); sweep shorter values`,
      );
    return {
      label,
      objective,
      settings: values,
      seed,
      config,
      directory: join(directory, name),
    };
  });
  return compare.plotIterations ? { directory, runs, plotIterations: compare.plotIterations } : { directory, runs };
}
