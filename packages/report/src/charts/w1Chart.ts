import type { TopLevelSpec } from 'vega-lite';
import type { RunData } from '../RunData.js';

/**
 * Exact W1 (by optimal assignment) of generated vs real samples against iterations: the one
 * distance every objective shares, so all objectives go on one axis. Per objective the mean
 * over its seeds as a line with points, and ± 1 standard error over the seeds as a band
 * (no band for a single seed). Null when no run has it.
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
  const x = { field: 'iteration', type: 'quantitative', title: 'generator iteration' } as const;
  const color = { field: 'objective', type: 'nominal', sort: [...new Set(values.map((v) => v.objective))] } as const;
  return {
    title: 'Exact W1 of generated vs real samples (mean over seeds ± 1 standard error)',
    width: 480,
    height: 240,
    data: { values },
    layer: [
      {
        mark: { type: 'errorband', extent: 'stderr', opacity: 0.2 },
        encoding: { x, y: { field: 'w1', type: 'quantitative', title: 'W1' }, color },
      },
      {
        mark: { type: 'line', point: true, strokeWidth: 1.5 },
        encoding: { x, y: { aggregate: 'mean', field: 'w1', type: 'quantitative', title: 'W1' }, color },
      },
    ],
  };
}
