import type { TopLevelSpec } from 'vega-lite';
import type { RunData } from '../RunData.js';

/** Wall-clock milliseconds per generator iteration between consecutive log lines. Null with fewer than two lines. */
export function timeChart(runs: readonly RunData[]): TopLevelSpec | null {
  const values = runs.flatMap((run) =>
    run.metrics.slice(1).flatMap((r, i) => {
      const previous = run.metrics[i];
      if (previous === undefined || r.iteration <= previous.iteration) return [];
      const ms = ((r.elapsedSeconds - previous.elapsedSeconds) / (r.iteration - previous.iteration)) * 1000;
      return [{ objective: run.label, seed: run.seed, iteration: r.iteration, ms }];
    }),
  );
  if (values.length === 0) return null;
  return {
    title: 'Time per generator iteration (includes logging, sampling and evaluation)',
    width: 480,
    height: 200,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'generator iteration' },
      y: { field: 'ms', type: 'quantitative', title: 'ms per iteration' },
      color: { field: 'objective', type: 'nominal' },
      detail: { field: 'seed', type: 'nominal' },
    },
  };
}
