import type { ComparisonReport } from './ComparisonReport.js';
import { readRun } from './readRun.js';
import type { ReportRun } from './ReportRun.js';
import type { SweepRun } from './SweepRun.js';
import { writeReportFiles } from './writeReportFiles.js';

/** Options of writeComparisonReport. */
export interface ComparisonReportOptions {
  readonly title?: string;
  /** Sample iterations to plot; default: up to four spread over each run's sample files. */
  readonly plotIterations?: readonly number[];
  /** A swept comparison's labels with their objective and swept values: adds the metrics-against-settings chart. */
  readonly sweep?: readonly SweepRun[];
}

/**
 * Writes report.html, report.md and figures/*.png comparing runs into `outDirectory`: one
 * table row per label (objective) with mean ± standard error over its finished seeds. A run
 * with a status other than finished is not read: it is counted in its row's seeds cell and
 * listed in a runs table with its state, iterations and error.
 */
export async function writeComparisonReport(
  outDirectory: string,
  runs: readonly ReportRun[],
  options: ComparisonReportOptions = {},
): Promise<ComparisonReport> {
  const finished = runs.filter((r) => r.status === undefined || r.status.state === 'finished');
  const unfinished = runs.filter((r) => !finished.includes(r));
  const data = finished.map((r) => readRun(r.directory, r.label, r.seed));
  const labels = [...new Set(runs.map((r) => r.label))];
  const title = options.title ?? `Comparison: ${labels.join(', ')}`;
  return writeReportFiles(outDirectory, title, data, {
    ...(options.plotIterations ? { plotIterations: options.plotIterations } : {}),
    ...(options.sweep ? { sweep: options.sweep } : {}),
    ...(runs.some((r) => r.status !== undefined) ? { statuses: runs, unfinished } : {}),
  });
}
