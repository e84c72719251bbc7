import { ConfigError, type IpmPlugin } from '@ipmgan/core';
import { resolveConfig, type Config, type ResolvedConfig } from '@ipmgan/core/engine';
import { experimentPlugins } from './experimentPlugins.js';
import type { ObjectiveEntry } from './ObjectiveEntrySchema.js';

/** The parts of a core config an experiment fixes for every objective. */
export interface RunBase {
  readonly name: string;
  readonly seed: number;
  readonly backend: NonNullable<Config['backend']>;
  readonly data: NonNullable<Config['data']>;
  readonly generator: NonNullable<Config['generator']>;
  readonly criticNetwork: { readonly name: string; readonly options: Record<string, unknown> };
  readonly iterations: number;
  readonly logEvery: number;
}

/**
 * The core config of one objective entry and the plugins it resolved against: core, the
 * installed package of its objective and the experiments' generators. A ConfigError about
 * a field of the objective or the critic names it under the entry (`field`, e.g.
 * "objectives.1") of the experiment file instead of core's.
 */
export async function resolveEntry(
  entry: ObjectiveEntry,
  base: RunBase,
  field: string,
): Promise<{ readonly config: ResolvedConfig; readonly plugins: readonly IpmPlugin[] }> {
  const config: Config = {
    name: base.name,
    seed: base.seed,
    backend: base.backend,
    objective: { name: entry.name, options: entry.options },
    data: base.data,
    generator: base.generator,
    critic: {
      ...(entry.critic.form ? { form: entry.critic.form } : {}),
      network: entry.critic.network ?? base.criticNetwork,
      ...(entry.critic.constraints ? { constraints: entry.critic.constraints } : {}),
    },
    training: {
      iterations: base.iterations,
      ...(entry.batchSize === undefined ? {} : { batchSize: entry.batchSize }),
      ...(entry.schedule ? { schedule: entry.schedule } : {}),
      optimizers: entry.optimizers,
    },
    run: { logEvery: base.logEvery },
  };
  try {
    const plugins = await experimentPlugins(entry.name);
    return { config: resolveConfig(config, plugins), plugins };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const [head, ...rest] = error.path;
    if (head === 'objective' && rest.length > 0) throw error.at([...field.split('.'), ...rest]);
    if (head === 'critic' && rest.length > 0) throw error.at([...field.split('.'), ...error.path]);
    throw error;
  }
}
