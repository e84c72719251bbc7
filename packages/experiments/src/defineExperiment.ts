import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { Claim } from './Claim.js';
import type { Experiment, ExperimentVariant } from './Experiment.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import type { ExperimentOutcome } from './ExperimentOutcome.js';
import type { ExperimentReport } from './ExperimentReport.js';
import { loadExperimentConfig } from './loadExperimentConfig.js';
import { renderFigure } from './renderFigure.js';
import { writeExperimentReport } from './writeExperimentReport.js';

/** An experiment's report without what every experiment adds the same way: its claims and results.json. */
export interface MeasuredReport extends Omit<ExperimentReport, 'claims' | 'results'> {
  /** Written into results.json after `config` and `results`, before `claims` and `seconds`. */
  readonly extraResults?: Readonly<Record<string, unknown>>;
}

/** One variant as its folder declares it; `setting` is what sets it apart from its siblings (E5's figure, E3's title). */
export type VariantSpec<Setting> = {
  readonly name: string;
  readonly note?: string;
  readonly description: string;
  /** Whether configs/quick/<name>.yaml exists. */
  readonly quick?: boolean;
} & (undefined extends Setting ? { readonly setting?: Setting } : { readonly setting: Setting });

/** What a measurement sees besides its config. */
export interface MeasureContext<Setting> {
  readonly outDir: string;
  readonly options: ExperimentOptions;
  readonly setting: Setting;
}

/** What a report sees besides the results. */
export interface ReportContext<Config, Setting> {
  readonly config: Config;
  readonly configPath: string;
  /** Wall time of measure and judge. */
  readonly seconds: number;
  readonly setting: Setting;
}

/**
 * Where an experiment's config comes from: a file validated against `configSchema` (a one-line
 * ConfigError naming the file and the field), or its own `load` (a comparison's compare config).
 */
export type ConfigSource<Config> =
  | { readonly configSchema: z.ZodType<Config>; readonly load?: never; readonly validate?: never }
  | {
      readonly configSchema?: never;
      readonly load: (configPath: string, options: ExperimentOptions) => Promise<Config>;
      /** Checks a config file without running it; default: `load`. */
      readonly validate?: (configPath: string) => Promise<unknown>;
    };

/** The parts of an experiment that differ from one to the next; defineExperiment does the rest. */
export type ExperimentSpec<Config, Results, Setting> = ConfigSource<Config> & {
  readonly key: string;
  readonly what: string;
  readonly variants: readonly VariantSpec<Setting>[];
  readonly measure: (config: Config, context: MeasureContext<Setting>) => Promise<Results>;
  readonly judge: (results: Results, setting: Setting) => readonly Claim[];
  /** The title, setup, tables and figures. */
  readonly report: (results: Results, context: ReportContext<Config, Setting>) => MeasuredReport;
  /** What results.json records as `config` (default: the config). */
  readonly recordedConfig?: (config: Config) => unknown;
  /** What results.json records as `results` and the outcome returns (default: the results). */
  readonly recordedResults?: (results: Results) => unknown;
};

/** An experiment with a typed entry point for code that holds a config already (the specs). */
export interface DefinedExperiment<Config, Results> extends Experiment {
  /**
   * Runs `config` as variant `variant` (default: the first) and writes `outDir`/report.md,
   * report.html, figures and results.json.
   */
  runConfig(
    config: Config,
    outDir: string,
    options?: ExperimentOptions,
    variant?: string,
    configPath?: string,
  ): Promise<ExperimentOutcome<Results>>;
}

// src/ and dist/ both sit one level below the package; its configs/ folder is shipped with it.
const shipped = (file: string): string => fileURLToPath(new URL(`../configs/${file}`, import.meta.url));

function loaderOf<Config>(
  source: ConfigSource<Config>,
): (configPath: string, options: ExperimentOptions) => Promise<Config> {
  if (source.configSchema === undefined) return source.load;
  const schema = source.configSchema;
  return (configPath) => loadExperimentConfig(schema, configPath);
}

/**
 * One experiment of the paper, from its folder's parts: times `measure` and `judge`, then writes
 * `outDir`/report.md, report.html, figures and results.json, the one layout every experiment
 * shares: { config, results, ...extraResults, claims, seconds }.
 */
export function defineExperiment<Config, Results, Setting = undefined>(
  spec: ExperimentSpec<Config, Results, Setting>,
): DefinedExperiment<Config, Results> {
  const load = loaderOf(spec);
  const validate = spec.validate ?? ((configPath: string) => load(configPath, {}));
  const settingOf = (name: string | undefined): [VariantSpec<Setting>, Setting] => {
    const variant = name === undefined ? spec.variants[0] : spec.variants.find((v) => v.name === name);
    if (!variant) throw new Error(`${spec.key}: no variant ${String(name)}`);
    return [variant, variant.setting as Setting];
  };
  const runConfig = async (
    config: Config,
    outDir: string,
    options: ExperimentOptions = {},
    name?: string,
    configPath = '',
  ): Promise<ExperimentOutcome<Results>> => {
    const [, setting] = settingOf(name);
    const start = performance.now();
    const results = await spec.measure(config, { outDir, options, setting });
    const claims = spec.judge(results, setting);
    const seconds = (performance.now() - start) / 1000;
    const { extraResults, ...report } = spec.report(results, { config, configPath, seconds, setting });
    const recorded = spec.recordedResults ? spec.recordedResults(results) : results;
    await writeExperimentReport(
      outDir,
      {
        ...report,
        claims,
        results: {
          config: spec.recordedConfig ? spec.recordedConfig(config) : config,
          results: recorded,
          ...extraResults,
          claims,
          seconds,
        },
      },
      options.render === undefined ? renderFigure : options.render,
    );
    return { results, claims, seconds };
  };
  const variants = spec.variants.map((variant): ExperimentVariant => ({
    name: variant.name,
    ...(variant.note === undefined ? {} : { note: variant.note }),
    description: variant.description,
    defaultConfig: shipped(`${variant.name}.yaml`),
    ...(variant.quick === true ? { quickConfig: shipped(`quick/${variant.name}.yaml`) } : {}),
    validate: async (configPath) => {
      await validate(configPath);
    },
    run: async (configPath, outDir, options = {}) => {
      const config = await load(configPath, options);
      const outcome = await runConfig(config, outDir, options, variant.name, configPath);
      return spec.recordedResults ? { ...outcome, results: spec.recordedResults(outcome.results) } : outcome;
    },
  }));
  return { key: spec.key, what: spec.what, variants, runConfig };
}
