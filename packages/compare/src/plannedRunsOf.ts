import { RunDirectory, type CompareDirectory, type CompareRecord } from '@ipmgan/core/engine';
import type { PlannedRun } from './PlannedRun.js';

/** A written comparison's plan read back: compare.json's runs, each with its run directory's saved config. */
export function plannedRunsOf(directory: CompareDirectory, record: CompareRecord): PlannedRun[] {
  return record.runs.map((r): PlannedRun => {
    const run = RunDirectory.open(directory.runPath(r.directory), `${directory.recordPath}: run ${r.directory}`);
    return {
      label: r.label,
      objective: r.objective,
      settings: r.settings,
      seed: r.seed,
      config: run.readConfig(),
      directory: run.path,
    };
  });
}
