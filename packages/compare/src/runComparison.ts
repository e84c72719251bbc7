import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '@ipmgan/core';
import { writeComparisonReport, type ComparisonReport } from '@ipmgan/report';
import { CompareProgress } from './CompareProgress.js';
import { divideCores } from './divideCores.js';
import type { PlannedRun } from './PlannedRun.js';
import { planCompare } from './planCompare.js';
import type { RunResult } from './RunResult.js';
import { runInWorkers } from './runInWorkers.js';

export interface ComparisonOptions {
  readonly workers: number;
  readonly signal: AbortSignal;
  /** The config file's path, recorded in compare.json. */
  readonly configPath: string;
  /** Where the runs and the report go; default `<run.dir>/<name>-compare-<stamp>`. */
  readonly directory?: string;
}

export interface Comparison {
  readonly directory: string;
  readonly runs: readonly PlannedRun[];
  /** One per run that started, in plan order. */
  readonly results: readonly RunResult[];
  /** null when no run logged anything. */
  readonly report: ComparisonReport | null;
}

/**
 * Plans a compare config (every run validated first), trains the runs in `workers` child
 * processes, each into its own run directory, and writes the comparison report beside them.
 */
export async function runComparison(raw: unknown, baseDir: string, options: ComparisonOptions): Promise<Comparison> {
  const planned = await planCompare(raw, baseDir, new Date(), options.directory);
  // The runs share one config but for objective and seed: one division for all.
  const first = planned.runs[0]?.config;
  const division = divideCores(
    first?.threads ?? 1,
    first?.backend ?? 'wasm',
    options.workers,
    planned.runs.length,
    availableParallelism(),
  );
  const plan = {
    ...planned,
    runs: planned.runs.map((r) => ({ ...r, config: { ...r.config, threads: division.threads } })),
  };
  mkdirSync(plan.directory, { recursive: true });
  writeFileAtomic(
    join(plan.directory, 'compare.json'),
    `${JSON.stringify({ config: options.configPath, runs: plan.runs.map((r) => ({ label: r.label, objective: r.objective, settings: r.settings, seed: r.seed, directory: r.directory })) }, null, 2)}\n`,
  );
  process.stderr.write(
    `ipmgan: comparing ${String(plan.runs.length)} runs (${[...new Set(plan.runs.map((r) => r.label))].join(', ')}; ` +
      `seeds ${[...new Set(plan.runs.map((r) => r.seed))].join(', ')}) with ${String(options.workers)} worker${options.workers === 1 ? '' : 's'} in ${plan.directory}\n` +
      `ipmgan: ${division.note}\n`,
  );
  const progress = new CompareProgress(plan.runs);
  const results = (await runInWorkers(plan.runs, options.workers, baseDir, progress, options.signal)).filter(
    (r): r is RunResult => r !== null,
  );
  // Runs that logged nothing (failed at start, stopped before a log line) have nothing to show.
  const reported = results.filter((r) => existsSync(join(r.run.directory, 'metrics.jsonl')));
  const swept = plan.runs.some((r) => Object.keys(r.settings).length > 0);
  const sweep = plan.runs
    .filter((r, i) => plan.runs.findIndex((other) => other.label === r.label) === i)
    .map((r) => ({ label: r.label, objective: r.objective, settings: r.settings }));
  const report =
    reported.length === 0
      ? null
      : await writeComparisonReport(
          plan.directory,
          reported.map((r) => ({ label: r.run.label, seed: r.run.seed, directory: r.run.directory })),
          {
            ...(plan.plotIterations ? { plotIterations: plan.plotIterations } : {}),
            ...(swept ? { sweep } : {}),
          },
        );
  return { directory: plan.directory, runs: plan.runs, results, report };
}
