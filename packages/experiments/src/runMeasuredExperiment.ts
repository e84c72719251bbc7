import type { Claim } from './Claim.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import type { ExperimentOutcome } from './ExperimentOutcome.js';
import type { ExperimentReport } from './ExperimentReport.js';
import { renderFigure } from './renderFigure.js';
import { writeExperimentReport } from './writeExperimentReport.js';

/** An experiment's report without what every experiment adds the same way: its claims and results.json. */
export interface MeasuredReport extends Omit<ExperimentReport, 'claims' | 'results'> {
  /** Written into results.json after `config` and `results`, before `claims` and `seconds`. */
  readonly extraResults?: Readonly<Record<string, unknown>>;
}

/** The three parts of an experiment that differ from one to the next. */
export interface MeasuredExperiment<Results> {
  readonly measure: () => Promise<Results>;
  readonly judge: (results: Results) => readonly Claim[];
  /** The title, setup, tables and figures, given the results and the wall time of measure and judge. */
  readonly report: (results: Results, seconds: number) => MeasuredReport;
}

/**
 * Times `measure` and `judge`, then writes `outDir`/report.md, report.html, figures and
 * results.json ({ config, results, ...extraResults, claims, seconds }) and returns the outcome:
 * what runE1 ... runE10 all do around their own measurement.
 */
export async function runMeasuredExperiment<Results>(
  config: unknown,
  outDir: string,
  options: ExperimentOptions,
  experiment: MeasuredExperiment<Results>,
): Promise<ExperimentOutcome<Results>> {
  const start = performance.now();
  const results = await experiment.measure();
  const claims = experiment.judge(results);
  const seconds = (performance.now() - start) / 1000;
  const { extraResults, ...report } = experiment.report(results, seconds);
  await writeExperimentReport(
    outDir,
    { ...report, claims, results: { config, results, ...extraResults, claims, seconds } },
    options.render === undefined ? renderFigure : options.render,
  );
  return { results, claims, seconds };
}
