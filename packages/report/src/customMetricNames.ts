import type { MetricsRecord } from '@ipmgan/core/engine';
import { SUMMARY_COLUMNS } from './SUMMARY_COLUMNS.js';

const BUILTIN: ReadonlySet<string> = new Set(SUMMARY_COLUMNS.map((c) => c.key));

/**
 * The evaluation keys of these runs that no summary column reads: metrics a hook's evaluate()
 * added, and core's metrics that only some data gets or that are newer than the columns
 * (precision, recall, density, coverage; digit* on MNIST-shaped data; core's metricMeanings
 * says what they are). In order of first appearance.
 */
export function customMetricNames(runs: readonly { readonly metrics: readonly MetricsRecord[] }[]): string[] {
  const names = new Set<string>();
  for (const run of runs)
    for (const record of run.metrics)
      for (const key of Object.keys(record.evaluation ?? {})) if (!BUILTIN.has(key)) names.add(key);
  return [...names];
}
