import type { TopLevelSpec } from 'vega-lite';
import { medianFilter } from '../medianFilter.js';
import { medianWindow } from '../medianWindow.js';
import type { RunData } from '../RunData.js';
import { objectivePanels } from './objectivePanels.js';

/** Critic and generator losses against iterations, raw (faint) and median-filtered, one panel per objective. */
export function lossChart(runs: readonly RunData[]): TopLevelSpec {
  const values = runs.flatMap((run) => {
    const window = medianWindow(run.metrics.length);
    const series: [string, (number | null)[]][] = [
      ['generator', run.metrics.map((r) => r.generatorLoss)],
      ['critic', run.metrics.map((r) => r.criticLoss)],
    ];
    return series.flatMap(([loss, raw]) => {
      if (raw.every((v) => v === null)) return [];
      const smooth = medianFilter(
        raw.map((v) => v ?? Number.NaN),
        window,
      );
      return run.metrics.flatMap((r, i) => [
        { panel: `${run.label} losses`, seed: run.seed, loss, iteration: r.iteration, value: raw[i], kind: 'raw' },
        {
          panel: `${run.label} losses`,
          seed: run.seed,
          loss,
          iteration: r.iteration,
          value: smooth[i],
          kind: 'median',
        },
      ]);
    });
  });
  return objectivePanels({
    title: 'Losses per objective (faint: raw, solid: median-filtered)',
    values,
    finiteOnly: true,
    yTitle: 'loss',
    encoding: {
      color: { field: 'loss', type: 'nominal' as const, title: null, scale: { range: ['#d62728', '#1f77b4'] } },
      opacity: {
        field: 'kind',
        type: 'ordinal' as const,
        legend: null,
        scale: { domain: ['raw', 'median'], range: [0.3, 1] },
      },
      detail: { field: 'seed', type: 'nominal' as const },
    },
  });
}
