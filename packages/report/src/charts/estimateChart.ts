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
  return objectivePanels({
    title: 'Estimate per objective: raw (faint) and median-filtered, one colour per seed',
    values,
    yTitle: 'estimate',
    encoding: {
      // Seeds apart by colour, raw and smoothed apart by opacity.
      color: { field: 'seed', type: 'nominal' as const, title: 'seed' },
      opacity: {
        field: 'series',
        type: 'nominal' as const,
        title: null,
        sort: 'descending' as const,
        scale: { range: [0.35, 1] },
      },
      detail: { field: 'series', type: 'nominal' as const },
    },
  });
}
