import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { CompareProgress, runComparison } from '@ipmgan/compare';
import { ConfigSchema, loadConfigFile, parseOrThrow } from '@ipmgan/core/engine';
import { readRun, type ComparisonReport, type RunData } from '@ipmgan/report';
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
 * is not installed (the contract-v2 objectives are optional for an experiment): one logged
 * line each, naming the entry and what to install. Any other entry is kept, so a typo still
 * fails in compare with its own line.
 */
function withInstalledObjectives(raw: unknown, projectDir: string, log: (line: string) => void): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const config = raw as Record<string, unknown>;
  const compare = config.compare as Record<string, unknown> | undefined;
  if (typeof compare !== 'object' || !Array.isArray(compare.objectives)) return raw;
  const kept = compare.objectives.filter((entry: unknown, index) => {
    const name = typeof entry === 'string' ? entry : (entry as { name?: unknown } | null)?.name;
    const why = typeof name === 'string' ? missingObjective(name, projectDir) : undefined;
    if (why !== undefined)
      log(
        `${typeof config.name === 'string' ? config.name : 'compare'}: compare.objectives.${String(index)} (${String(name)}) left out: ${why}; its rows and claims are absent`,
      );
    return why === undefined;
  });
  return kept.length === compare.objectives.length ? raw : { ...config, compare: { ...compare, objectives: kept } };
}

/** A compare config file as a comparison experiment reads it. */
export interface ComparisonConfig {
  /** The file's contents, less the objectives whose package is not installed. */
  readonly raw: unknown;
  readonly baseDir: string;
  readonly filepath: string;
}

/** A finished comparison with what `analyse` made of it. */
export interface ComparisonResults {
  readonly analysis: ComparisonAnalysis;
  readonly report: ComparisonReport;
  readonly runCount: number;
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
      const raw = withInstalledObjectives(file.raw, file.baseDir, options.log ?? (() => undefined));
      return { raw, baseDir: file.baseDir, filepath: file.filepath };
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
          `${title}: ${String(failures.length)} runs did not finish: ${failures.map((r) => `${CompareProgress.nameOf(r.run)} (${r.message ?? r.status})`).join('; ')}`,
        );
      const runs = comparison.runs;
      const data = runs.map((r) => readRun(r.directory, r.label, r.seed));
      return { analysis: await spec.analyse(report, data), report, runCount: runs.length };
    },
    judge: ({ analysis }) => analysis.claims,
    report: ({ analysis, report, runCount }, { configPath, seconds, setting: title }) => ({
      title,
      setup: [
        ...analysis.setup,
        `Config ${relative(process.cwd(), configPath) || configPath}; ${String(runCount)} runs; ${seconds.toFixed(0)} s in all. ` +
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
