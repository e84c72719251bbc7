import type { TopLevelSpec } from 'vega-lite';
import { medianFilter } from '../medianFilter.js';
import { medianWindow } from '../medianWindow.js';
import type { RunData } from '../RunData.js';
import { objectivePanels } from './objectivePanels.js';

/**
 * The objective's estimate against generator iterations, raw and median-filtered, one panel
 * per objective with its own y axis: W·K, a JS bound, TV and MMD² are different distances.
 */
export function estimateChart(runs: readonly RunData[]): TopLevelSpec {
  const values = runs.flatMap((run) => {
    const estimates = run.metrics.map((r) => r.estimate);
    const window = medianWindow(estimates.length);
    const smooth = medianFilter(estimates, window);
    const panel = `${run.label}: ${run.metrics[0]?.estimateName ?? run.config.objective.estimate.name}`;
    return run.metrics.flatMap((r, i) => [
      { panel, seed: run.seed, iteration: r.iteration, value: r.estimate, series: 'raw' },
      { panel, seed: run.seed, iteration: r.iteration, value: smooth[i], series: `median of ${window}` },
    ]);
  });
  return {
    title: 'Estimate per objective: raw (faint) and median-filtered, one colour per seed',
    data: { values },
    ...objectivePanels(values),
    spec: {
      width: 320,
      height: 180,
      mark: { type: 'line', strokeWidth: 1.5 },
      encoding: {
        x: { field: 'iteration', type: 'quantitative', title: 'generator iteration' },
        y: { field: 'value', type: 'quantitative', title: 'estimate', scale: { zero: false } },
        // Seeds apart by colour, raw and smoothed apart by opacity.
        color: { field: 'seed', type: 'nominal', title: 'seed' },
        opacity: {
          field: 'series',
          type: 'nominal',
          title: null,
          sort: 'descending',
          scale: { range: [0.35, 1] },
        },
        detail: { field: 'series', type: 'nominal' },
      },
    },
    resolve: { scale: { y: 'independent', x: 'independent' } },
  };
}
