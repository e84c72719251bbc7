import { readRun } from './readRun.js';
import type { ReportFiles } from './ReportFiles.js';
import { writeReportFiles } from './writeReportFiles.js';

/** Options of writeRunReport. */
export interface RunReportOptions {
  /** Sample iterations to plot; default: up to four spread over the run's sample files. */
  readonly plotIterations?: readonly number[];
}

/** Writes report.html, report.md and figures/*.png into the run directory. */
export async function writeRunReport(runDirectory: string, options: RunReportOptions = {}): Promise<ReportFiles> {
  const run = readRun(runDirectory);
  const title = `${run.config.name}: ${run.config.objective.name} on ${run.config.data.name}`;
  const { html, markdown, figures } = await writeReportFiles(
    run.directory,
    title,
    [run],
    options.plotIterations ? { plotIterations: options.plotIterations } : {},
  );
  return { html, markdown, figures };
}
