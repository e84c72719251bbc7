import type { Config } from '../config/ConfigSchema.js';

/**
 * The ring run every objective package's training specs share, so that their configs differ
 * only in names: ring8, seed 3, wasm, 2 -> 64 -> 64 -> 2 MLPs for both players, 300
 * iterations, and the objective's own defaults for everything else (batch, schedule,
 * optimizers, constraints: its paper's). An override of `generator`, `critic`, `training`,
 * `run` or `evaluation` is merged into that section (`{ training: { iterations: 40 } }` keeps
 * the networks); any other field is replaced.
 */
export function ringConfig(objective: string, overrides: Partial<Config> = {}): Config {
  const mlp = { name: 'mlp', options: { hidden: [64, 64] } };
  const { generator, critic, training, run, evaluation, ...rest } = overrides;
  return {
    seed: 3,
    backend: 'wasm',
    objective: { name: objective },
    data: { name: 'ring8' },
    ...rest,
    generator: { network: mlp, ...generator },
    critic: { network: mlp, ...critic },
    training: { iterations: 300, ...training },
    ...(run ? { run } : {}),
    ...(evaluation ? { evaluation } : {}),
  };
}
