import type { RunDirectory } from '../runs/RunDirectory.js';

/**
 * A run's metrics.jsonl without its clock (elapsedSeconds), one JSON string per line: what
 * two runs that computed the same things write identically.
 */
export function metricsWithoutClock(directory: RunDirectory): string[] {
  return directory.readMetrics().map(({ elapsedSeconds: _, ...rest }) => JSON.stringify(rest));
}
