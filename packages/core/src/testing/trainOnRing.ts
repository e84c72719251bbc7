import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/ConfigSchema.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { RunDirectory } from '../runs/RunDirectory.js';
import { openRun } from '../runs/openRun.js';
import { meanDistanceToMode } from './meanDistanceToMode.js';

/** What a ring training spec checks: the distance to the modes before and after, and the last evaluation. */
export interface RingTrainingResult {
  readonly before: number;
  readonly after: number;
  readonly evaluation: Readonly<Record<string, number>>;
}

/**
 * Trains `config` to its end in a run directory of its own (removed afterwards) and reports
 * meanDistanceToMode before and after, with the evaluation metrics.jsonl's last line holds
 * (give the config an evaluateEvery that lands on its last iteration).
 */
export async function trainOnRing(config: Config, plugins: readonly IpmPlugin[]): Promise<RingTrainingResult> {
  const root = mkdtempSync(join(tmpdir(), 'ipmgan-ring-'));
  try {
    const directory = new RunDirectory(join(root, 'run'));
    const run = await openRun({ config, plugins }, { directory });
    const before = meanDistanceToMode(run);
    await run.trainer.fit();
    const after = meanDistanceToMode(run);
    run.dispose();
    return { before, after, evaluation: directory.readMetrics().at(-1)?.evaluation ?? {} };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
