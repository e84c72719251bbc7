import type { E10Config } from './E10ConfigSchema.js';
import type { VegaLiteSpec } from '../FigureRenderer.js';
import type { E10Results } from './measureE10.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';

const density = (x: number, mean: number, std: number): number => Math.exp(-0.5 * ((x - mean) / std) ** 2);
const sigmoid = (l: number): number => 1 / (1 + Math.exp(-l));

/** The densities (peak 1), each clipped discriminator's D(x) and WGAN's critic rescaled to [0, 1], over the grid. */
export function e10Figure(config: E10Config, results: E10Results): VegaLiteSpec {
  const { x, critic } = results;
  const lo = Math.min(...critic.f);
  const hi = Math.max(...critic.f);
  const values = x.flatMap((v, i) => [
    { x: v, value: density(v, config.real.mean, config.real.std), series: 'real density' },
    { x: v, value: density(v, config.generated.mean, config.generated.std), series: 'generated density' },
    { x: v, value: hi > lo ? ((critic.f[i] ?? 0) - lo) / (hi - lo) : 0, series: 'WGAN critic f(x), rescaled' },
    ...results.discriminators.map((d) => ({
      x: v,
      value: sigmoid(d.logit[i] ?? Number.NaN),
      series: `GAN D(x), clip ${String(d.clip)}`,
    })),
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Clipped GAN discriminators and the WGAN critic between two 1-D Gaussians',
    width: 480,
    height: 260,
    data: { values },
    mark: 'line',
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'x' },
      y: { field: 'value', type: 'quantitative', title: 'value' },
      color: { field: 'series', type: 'nominal', title: null, sort: null, legend: { labelLimit: 320 } },
    },
  };
}
