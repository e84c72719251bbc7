import type { RunBase } from './resolveEntry.js';

/** The fields an experiment between two 1-D Gaussians (E2, E10) fixes for every objective. */
export interface TwoGaussians {
  readonly name: string;
  readonly seed: number;
  readonly backend: RunBase['backend'];
  readonly criticNetwork: RunBase['criticNetwork'];
  readonly real: { readonly mean: number; readonly std: number };
  readonly generated: { readonly mean: number; readonly std: number };
}

/**
 * The run base of a critic trained between two 1-D Gaussians with the generator frozen:
 * real data gaussian1d(real), the generator "gaussian-shift" g_mu(z) = mu + std z at
 * `generated` (mu trainable, so generator gradients are d/dmu), one iteration (unused).
 */
export function twoGaussiansBase(config: TwoGaussians): RunBase {
  return {
    name: config.name,
    seed: config.seed,
    backend: config.backend,
    criticNetwork: config.criticNetwork,
    data: { name: 'gaussian1d', options: { mean: config.real.mean, std: config.real.std } },
    generator: {
      noise: { distribution: 'gaussian' as const, dimension: 1 },
      network: { name: 'gaussian-shift', options: { mean: config.generated.mean, std: config.generated.std } },
    },
    iterations: 1,
    logEvery: 1,
  };
}
