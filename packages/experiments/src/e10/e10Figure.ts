import type { E10Config } from './E10ConfigSchema.js';
import type { VegaLiteSpec } from '../FigureRenderer.js';
import type { E10Results } from './measureE10.js';
import { twoGaussiansFigure } from '../twoGaussiansFigure.js';

const sigmoid = (l: number): number => 1 / (1 + Math.exp(-l));

/** The densities (peak 1), each clipped discriminator's D(x) and WGAN's critic rescaled to [0, 1], over the grid. */
export function e10Figure(config: E10Config, results: E10Results): VegaLiteSpec {
  return twoGaussiansFigure(
    config,
    'Clipped GAN discriminators and the WGAN critic between two 1-D Gaussians',
    results.x,
    [
      { series: 'WGAN critic f(x), rescaled', values: results.critic.f, rescale: true },
      ...results.discriminators.map((d) => ({
        series: `GAN D(x), clip ${String(d.clip)}`,
        values: d.logit.map(sigmoid),
      })),
    ],
    true,
  );
}
