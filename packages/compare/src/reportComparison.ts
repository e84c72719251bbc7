import type { CompareDirectory, CompareRecord } from '@ipmgan/core/engine';
import { writeComparisonReport, type ComparisonReport, type ReportRun } from '@ipmgan/report';
import type { PlannedRun } from './PlannedRun.js';
import type { RunResult } from './RunResult.js';

/**
 * Writes the comparison report of `runs` beside them, each with its result (a run without
 * one was never started); null, writing nothing, when no run finished. The one report
 * writer of a local compare and of a queued compare's report job.
 */
export async function reportComparison(
  directory: CompareDirectory,
  record: CompareRecord,
  runs: readonly PlannedRun[],
  results: readonly RunResult[],
): Promise<ComparisonReport | null> {
  if (!results.some((r) => r.status === 'finished')) return null;
  const reportRuns = runs.map((run): ReportRun => {
    const result = results.find((r) => r.run === run);
    return {
      label: run.label,
      seed: run.seed,
      directory: run.directory,
      status: result
        ? { state: result.status, iteration: result.iteration, ...(result.message ? { message: result.message } : {}) }
        : { state: 'not started', iteration: 0 },
    };
  });
  const swept = runs.some((r) => Object.keys(r.settings).length > 0);
  const sweep = runs
    .filter((r, i) => runs.findIndex((other) => other.label === r.label) === i)
    .map((r) => ({ label: r.label, objective: r.objective, settings: r.settings }));
  return writeComparisonReport(directory.path, reportRuns, {
    ...(record.plotIterations ? { plotIterations: record.plotIterations } : {}),
    ...(swept ? { sweep } : {}),
  });
}
