import type { E2Config } from './E2ConfigSchema.js';
import type { VegaLiteSpec } from '../FigureRenderer.js';
import type { E2Results } from './measureE2.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';

const density = (x: number, mean: number, std: number): number => Math.exp(-0.5 * ((x - mean) / std) ** 2);

/**
 * The paper's Figure 3: the two Gaussians (densities scaled to peak 1), the discriminator
 * D(x) and the WGAN critic f(x) rescaled to [0, 1] over the grid (its raw scale is the
 * clipping's, about 1e-2).
 */
export function e2Figure(config: E2Config, results: E2Results): VegaLiteSpec {
  const { x, discriminator, critic } = results.grid;
  const lo = Math.min(...critic);
  const hi = Math.max(...critic);
  const values = x.flatMap((v, i) => [
    { x: v, value: density(v, config.real.mean, config.real.std), series: 'real density' },
    { x: v, value: density(v, config.generated.mean, config.generated.std), series: 'generated density' },
    { x: v, value: discriminator[i] ?? Number.NaN, series: 'GAN discriminator D(x)' },
    { x: v, value: hi > lo ? ((critic[i] ?? 0) - lo) / (hi - lo) : 0, series: 'WGAN critic f(x), rescaled' },
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Optimal discriminator and critic between two 1-D Gaussians',
    width: 480,
    height: 260,
    data: { values },
    mark: 'line',
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'x' },
      y: { field: 'value', type: 'quantitative', title: 'value' },
      color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 320 } },
    },
  };
}
