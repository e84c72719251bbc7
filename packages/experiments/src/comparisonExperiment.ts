import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { CompareProgress, runComparison } from '@ipmgan/compare';
import { ConfigSchema, loadConfigFile, parseOrThrow } from '@ipmgan/core/engine';
import { countOf, readRun, type ComparisonReport, type RunData } from '@ipmgan/report';
import type { ExperimentSpec, VariantSpec } from './defineExperiment.js';
import { missingObjective } from './experimentPlugins.js';
import type { ExperimentReport } from './ExperimentReport.js';

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

/** A compare config file as a comparison experiment reads it. */
export interface ComparisonConfig {
  /** The file's contents, less the objectives whose package is not installed. */
  readonly raw: unknown;
  /** One line per objective left out (its package is not installed), for the log and the report. */
  readonly leftOut: readonly string[];
  readonly baseDir: string;
  readonly filepath: string;
}

/** A finished comparison with what `analyse` made of it. */
export interface ComparisonResults {
  readonly analysis: ComparisonAnalysis;
  readonly report: ComparisonReport;
  readonly runCount: number;
  readonly leftOut: readonly string[];
}

/** A comparison experiment's variant: its report's title. */
export type ComparisonVariant = VariantSpec<string>;

/**
 * The parts of a comparison experiment (E3, E4, E7) for defineExperiment: runs the `compare`
 * config into `outDir`/comparison (every run directory and the comparison report; objectives
 * whose package is not installed left out with a logged line), then judges the finished runs
 * with `analyse`. results.json records `analyse`'s results and the comparison's rows.
 */
export function comparisonExperiment(spec: {
  readonly key: string;
  readonly what: string;
  readonly variants: readonly ComparisonVariant[];
  readonly analyse: (
    report: ComparisonReport,
    runs: readonly RunData[],
  ) => ComparisonAnalysis | Promise<ComparisonAnalysis>;
}): ExperimentSpec<ComparisonConfig, ComparisonResults, string> {
  return {
    key: spec.key,
    what: spec.what,
    variants: spec.variants,
    load: async (configPath, options) => {
      const file = await loadConfigFile(process.cwd(), configPath);
      const { raw, leftOut } = withInstalledObjectives(file.raw, file.baseDir);
      for (const line of leftOut) options.log?.(line);
      return { raw, leftOut, baseDir: file.baseDir, filepath: file.filepath };
    },
    validate: async (configPath) => parseOrThrow(ConfigSchema, (await loadConfigFile(process.cwd(), configPath)).raw),
    measure: async (config, { outDir, options, setting: title }) => {
      const signal = options.signal ?? new AbortController().signal;
      const comparison = await runComparison(config.raw, config.baseDir, {
        workers: options.workers ?? availableParallelism(),
        signal,
        configPath: config.filepath,
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
      return { analysis: await spec.analyse(report, data), report, runCount: runs.length, leftOut: config.leftOut };
    },
    judge: ({ analysis }) => analysis.claims,
    report: ({ analysis, report, runCount, leftOut }, { configPath, seconds, setting: title }) => ({
      title,
      setup: [
        ...analysis.setup,
        // An objective whose package is not installed changes which claims exist: the report says so.
        ...leftOut.map((line) => `Not run: ${line}.`),
        `Config ${relative(process.cwd(), configPath) || configPath}; ${countOf(runCount, 'run')}; ${seconds.toFixed(0)} s in all. ` +
          `The full comparison report (sample scatter plots with density contours, estimate, loss and W1 curves, time per iteration): comparison/report.html, comparison/report.md.`,
      ],
      tables: analysis.tables,
      figures: analysis.figures,
      extraResults: { comparison: report.rows },
    }),
    recordedConfig: (config) => config.raw,
    recordedResults: ({ analysis }) => analysis.results,
  };
}
