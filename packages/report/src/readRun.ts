import { resolve } from 'node:path';
import { RunDirectory } from '@ipmgan/core/engine';
import type { RunData } from './RunData.js';

/**
 * Reads config.resolved.json, amendments.json, metrics.jsonl and the list of sample files of a run directory,
 * each validated by core's RunDirectory (the one owner of the layout).
 * `label` defaults to the objective id and `seed` to the config's seed.
 */
export function readRun(directory: string, label?: string, seed?: number): RunData {
  const run = RunDirectory.open(resolve(directory), 'report');
  const config = run.readConfig();
  return {
    label: label ?? config.objective.name,
    seed: seed ?? config.seed,
    directory: run.path,
    config,
    amendments: run.readAmendments(),
    metrics: run.readMetrics(),
    samples: run.sampleFiles(),
  };
}
