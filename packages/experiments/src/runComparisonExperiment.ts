import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { CompareProgress, runComparison } from '@ipmgan/compare';
import { loadConfigFile } from '@ipmgan/core';
import { countOf, readRun, type ComparisonReport, type RunData } from '@ipmgan/report';
import type { Claim } from './Claim.js';
import { missingObjective } from './experimentPlugins.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import type { ExperimentOutcome } from './ExperimentOutcome.js';
import type { ExperimentReport } from './ExperimentReport.js';
import { renderFigure } from './renderFigure.js';
import { writeExperimentReport } from './writeExperimentReport.js';

/** What a comparison experiment makes of its finished comparison. */
export type ComparisonAnalysis = Omit<ExperimentReport, 'title' | 'setup' | 'results'> & {
  readonly setup: readonly string[];
  readonly results: unknown;
};

/**
 * The compare config `raw` without the entries of compare.objectives whose official package
 * is not installed (the contract-v2 objectives are optional for an experiment), and one line
 * per entry left out, naming it and what to install: logged, and written into the report. Any
 * other entry is kept, so a typo still fails in compare with its own line.
 */
function withInstalledObjectives(raw: unknown, projectDir: string): { raw: unknown; leftOut: string[] } {
  if (typeof raw !== 'object' || raw === null) return { raw, leftOut: [] };
  const config = raw as Record<string, unknown>;
  const compare = config.compare as Record<string, unknown> | undefined;
  if (typeof compare !== 'object' || !Array.isArray(compare.objectives)) return { raw, leftOut: [] };
  const leftOut: string[] = [];
  const kept = compare.objectives.filter((entry: unknown, index) => {
    const name = typeof entry === 'string' ? entry : (entry as { name?: unknown } | null)?.name;
    const why = typeof name === 'string' ? missingObjective(name, projectDir) : undefined;
    if (why !== undefined)
      leftOut.push(
        `${typeof config.name === 'string' ? config.name : 'compare'}: compare.objectives.${String(index)} (${String(name)}) left out: ${why}; its rows and claims are absent`,
      );
    return why === undefined;
  });
  return {
    raw: kept.length === compare.objectives.length ? raw : { ...config, compare: { ...compare, objectives: kept } },
    leftOut,
  };
}

/**
 * Runs the `compare` config at `configPath` into `outDir`/comparison (every run directory and
 * the comparison report; objectives whose package is not installed left out with a logged
 * line), then writes `outDir`/report.md, report.html, figures and results.json with the
 * claims `analyse` judges on the finished runs.
 */
export async function runComparisonExperiment(
  title: string,
  configPath: string,
  outDir: string,
  options: ExperimentOptions,
  analyse: (report: ComparisonReport, runs: readonly RunData[]) => ComparisonAnalysis | Promise<ComparisonAnalysis>,
): Promise<ExperimentOutcome<unknown>> {
  const start = performance.now();
  const file = await loadConfigFile(process.cwd(), configPath);
  const signal = options.signal ?? new AbortController().signal;
  const { raw, leftOut } = withInstalledObjectives(file.raw, file.baseDir);
  for (const line of leftOut) options.log?.(line);
  const comparison = await runComparison(raw, file.baseDir, {
    workers: options.workers ?? availableParallelism(),
    signal,
    configPath: file.filepath,
    directory: join(outDir, 'comparison'),
  });
  const failures = comparison.results.filter((r) => r.status !== 'finished');
  if (signal.aborted) throw new Error(`${title}: interrupted`);
  const { report } = comparison;
  if (failures.length > 0 || !report)
    throw new Error(
      `${title}: ${countOf(failures.length, 'run')} did not finish: ${failures.map((r) => `${CompareProgress.nameOf(r.run)} (${r.message ?? r.status})`).join('; ')}`,
    );
  const runs = comparison.runs;
  const data = runs.map((r) => readRun(r.directory, r.label, r.seed));
  const analysis = await analyse(report, data);
  const seconds = (performance.now() - start) / 1000;
  const claims: readonly Claim[] = analysis.claims;
  await writeExperimentReport(
    outDir,
    {
      ...analysis,
      title,
      setup: [
        ...analysis.setup,
        // An objective whose package is not installed changes which claims exist: the report says so.
        ...leftOut.map((line) => `Not run: ${line}.`),
        `Config ${relative(process.cwd(), configPath) || configPath}; ${countOf(runs.length, 'run')}; ${seconds.toFixed(0)} s in all. ` +
          `The full comparison report (sample scatter plots with density contours, estimate, loss and W1 curves, time per iteration): comparison/report.html, comparison/report.md.`,
      ],
      results: { results: analysis.results, claims, seconds, comparison: report.rows },
    },
    options.render === undefined ? renderFigure : options.render,
  );
  return { results: analysis.results, claims, seconds };
}
