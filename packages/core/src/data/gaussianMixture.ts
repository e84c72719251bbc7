import type { DataSource, MixtureModes } from '../contracts/DataSource.js';
import { drawSamples } from './drawSamples.js';

/** The modes a mixture actually samples: centres and std after scaling. */
export function mixtureModes(centres: readonly (readonly number[])[], std: number, scale: number): MixtureModes {
  return { centres: centres.map((c) => c.map((v) => v * scale)), std: std * scale };
}

/**
 * An equal-weight mixture of isotropic Gaussians N(c_k, std^2 I), with every sample
 * multiplied by `scale` afterwards (as the WGAN-GP toy code does). Per sample the draws
 * are: component k = rng.int(K), then one rng.normal() per coordinate.
 * `modes` reports centres and std after scaling, i.e. the distribution actually sampled.
 */
export function gaussianMixture(
  id: string,
  centres: readonly (readonly number[])[],
  std: number,
  scale: number,
  definition: string,
): DataSource {
  const first = centres[0];
  if (first === undefined) throw new Error(`${id}: a mixture needs at least one centre`);
  const dim = first.length;
  // Flat [K, d] copy so the inner loop does no array-of-arrays lookups.
  const flat = Float64Array.from(centres.flat());
  const k = centres.length;
  return {
    id,
    shape: [dim],
    definition,
    modes: mixtureModes(centres, std, scale),
    sample: (n, rng) =>
      drawSamples(n, [dim], rng, (out, offset, r) => {
        const base = r.int(k) * dim;
        for (let j = 0; j < dim; j++) {
          out[offset + j] = ((flat[base + j] ?? 0) + std * r.normal()) * scale;
        }
      }),
  };
}
