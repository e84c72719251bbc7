import { basename } from 'node:path';
import { CompareDirectory, RunDirectory } from '@ipmgan/core/engine';
import type { PlannedRun } from './PlannedRun.js';

/**
 * Writes a planned comparison before any run starts: each run directory's
 * config.resolved.json (a resume, a queue worker and the report read the plan from them) and
 * compare.json with the runs in plan order. `extra` adds fields to compare.json (a queued
 * compare's queue id).
 */
export function writeComparisonPlan(
  path: string,
  runs: readonly PlannedRun[],
  record: { readonly configPath: string; readonly baseDir: string; readonly plotIterations?: readonly number[] },
  extra: Readonly<Record<string, unknown>> = {},
): CompareDirectory {
  for (const run of runs) new RunDirectory(run.directory).writeConfig(run.config);
  const directory = new CompareDirectory(path);
  directory.write({
    config: record.configPath,
    baseDir: record.baseDir,
    ...(record.plotIterations ? { plotIterations: [...record.plotIterations] } : {}),
    ...extra,
    runs: runs.map((r) => ({
      label: r.label,
      objective: r.objective,
      settings: r.settings,
      seed: r.seed,
      directory: basename(r.directory),
    })),
  });
  return directory;
}
