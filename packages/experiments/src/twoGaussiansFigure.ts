import type { VegaLiteSpec } from './FigureRenderer.js';
import { VEGA_LITE_SCHEMA } from './renderFigure.js';
import type { TwoGaussians } from './twoGaussiansBase.js';

/** One line of the figure: a value per grid point; `rescale` maps it onto [0, 1] (min to max). */
export interface GaussiansCurve {
  readonly series: string;
  readonly values: readonly number[];
  readonly rescale?: boolean;
}

const density = (x: number, mean: number, std: number): number => Math.exp(-0.5 * ((x - mean) / std) ** 2);

function onUnitScale({ values, rescale }: GaussiansCurve): readonly number[] {
  if (rescale !== true) return values;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 0));
}

/**
 * The figure of an experiment between two 1-D Gaussians (E2's Figure 3, E10) over the grid `x`:
 * the real and generated densities scaled to peak 1, then `curves` in their order. The legend
 * is alphabetical unless `legendAsGiven`.
 */
export function twoGaussiansFigure(
  config: Pick<TwoGaussians, 'real' | 'generated'>,
  title: string,
  x: readonly number[],
  curves: readonly GaussiansCurve[],
  legendAsGiven = false,
): VegaLiteSpec {
  const scaled = curves.map((c) => ({ series: c.series, values: onUnitScale(c) }));
  const values = x.flatMap((v, i) => [
    { x: v, value: density(v, config.real.mean, config.real.std), series: 'real density' },
    { x: v, value: density(v, config.generated.mean, config.generated.std), series: 'generated density' },
    ...scaled.map((c) => ({ x: v, value: c.values[i] ?? Number.NaN, series: c.series })),
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    width: 480,
    height: 260,
    data: { values },
    mark: 'line',
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'x' },
      y: { field: 'value', type: 'quantitative', title: 'value' },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        ...(legendAsGiven ? { sort: null } : {}),
        legend: { labelLimit: 320 },
      },
    },
  };
}
