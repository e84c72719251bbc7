import type { TopLevelSpec } from 'vega-lite';
import type { RunData } from '../RunData.js';

/**
 * Exact W1 (by optimal assignment) of generated vs real samples against iterations: the one
 * distance every objective shares, so all objectives go on one axis. Null when no run has it.
 */
export function w1Chart(runs: readonly RunData[]): TopLevelSpec | null {
  const values = runs.flatMap((run) =>
    run.metrics.flatMap((r) => {
      const w1 = r.evaluation?.w1;
      return w1 !== undefined && Number.isFinite(w1)
        ? [{ objective: run.label, seed: run.seed, iteration: r.iteration, w1 }]
        : [];
    }),
  );
  if (values.length === 0) return null;
  return {
    title: 'Exact W1 of generated vs real samples',
    width: 480,
    height: 240,
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'generator iteration' },
      y: { field: 'w1', type: 'quantitative', title: 'W1' },
      color: { field: 'objective', type: 'nominal' },
      detail: { field: 'seed', type: 'nominal' },
    },
  };
}
