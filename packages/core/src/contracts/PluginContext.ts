import type { Rng } from '../random/Rng.js';

/**
 * What every plugin callback can reach: the iteration and a random stream of its own.
 * `rng` is derived from the run's seed and the plugin's stable key (a constraint's id and
 * config index, the objective's id, a hook's name), never from the training stream; its
 * state is saved in every checkpoint and restored on resume, so a plugin that draws from
 * it (WGAN-GP's interpolates) continues exactly.
 */
export interface PluginContext {
  /** The key the stream is derived from, e.g. "constraint:gradient-penalty#0". */
  readonly key: string;
  /** Generator iterations completed so far (0 during the first iteration's critic steps). */
  readonly iteration: number;
  readonly rng: Rng;
}
