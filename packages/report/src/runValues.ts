import { spearman, type MetricsRecord } from '@ipmgan/core/engine';
import type { SummaryColumnKey } from './SUMMARY_COLUMNS.js';

/** The last finite value of evaluation[key] in a run's metrics, or NaN. */
export function lastEvaluation(metrics: readonly MetricsRecord[], key: string): number {
  for (let i = metrics.length - 1; i >= 0; i--) {
    const value = metrics[i]?.evaluation?.[key];
    if (value !== undefined && Number.isFinite(value)) return value;
  }
  return Number.NaN;
}

function msPerIteration(metrics: readonly MetricsRecord[]): number {
  const first = metrics[0];
  const last = metrics.at(-1);
  if (first === undefined || last === undefined) return Number.NaN;
  // Between the first and last log lines when there are two, so start-up time is left out.
  if (last.iteration > first.iteration) {
    return ((last.elapsedSeconds - first.elapsedSeconds) / (last.iteration - first.iteration)) * 1000;
  }
  return last.iteration > 0 ? (last.elapsedSeconds / last.iteration) * 1000 : Number.NaN;
}

/** One run's value for every summary column; NaN where the run did not record what it needs. */
export function runValues(metrics: readonly MetricsRecord[]): Record<SummaryColumnKey, number> {
  const evaluated = metrics.filter((r) => Number.isFinite(r.evaluation?.w1));
  return {
    w1: lastEvaluation(metrics, 'w1'),
    slicedW1: lastEvaluation(metrics, 'slicedW1'),
    mmd2: lastEvaluation(metrics, 'mmd2'),
    modesCovered: lastEvaluation(metrics, 'modesCovered'),
    highQuality: lastEvaluation(metrics, 'highQuality') * 100,
    reverseKl: lastEvaluation(metrics, 'reverseKl'),
    massKl: lastEvaluation(metrics, 'massKl'),
    largestShare: lastEvaluation(metrics, 'largestShare') * 100,
    lipschitz: lastEvaluation(metrics, 'lipschitz'),
    estimateOverK: lastEvaluation(metrics, 'estimateOverK'),
    meaningfulLoss: spearman(
      evaluated.map((r) => r.estimate),
      evaluated.map((r) => r.evaluation?.w1 ?? Number.NaN),
    ),
    msPerIteration: msPerIteration(metrics),
  };
}
