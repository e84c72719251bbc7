import type { E2Config } from './E2ConfigSchema.js';
import type { VegaLiteSpec } from '../FigureRenderer.js';
import type { E2Results } from './measureE2.js';
import { twoGaussiansFigure } from '../twoGaussiansFigure.js';

/**
 * The paper's Figure 3: the two Gaussians (densities scaled to peak 1), the discriminator
 * D(x) and the WGAN critic f(x) rescaled to [0, 1] over the grid (its raw scale is the
 * clipping's, about 1e-2).
 */
export function e2Figure(config: E2Config, results: E2Results): VegaLiteSpec {
  const { x, discriminator, critic } = results.grid;
  return twoGaussiansFigure(config, 'Optimal discriminator and critic between two 1-D Gaussians', x, [
    { series: 'GAN discriminator D(x)', values: discriminator },
    { series: 'WGAN critic f(x), rescaled', values: critic, rescale: true },
  ]);
}
