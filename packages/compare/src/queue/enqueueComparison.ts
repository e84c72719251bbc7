import { existsSync } from 'node:fs';
import { countOf } from '@ipmgan/report';
import { CompareDirectory } from '@ipmgan/core/engine';
import { planCompare } from '../planCompare.js';
import { plannedRunsOf } from '../plannedRunsOf.js';
import { writeComparisonPlan } from '../writeComparisonPlan.js';
import { CompareQueue } from './CompareQueue.js';

/** Where an enqueued compare is, and whether this call planned it or found it already queued. */
export interface EnqueuedComparison {
  readonly directory: string;
  readonly compareId: string;
  readonly existing: boolean;
}

/**
 * `ipmgan compare --queue URL`: plans the compare exactly as a local one (the same run
 * names, run directories and compare.json, recording the queue id), then adds its flow to
 * the queue. Runs keep their config's `threads`: each worker divides its own host's cores.
 * The same plan enqueued again (the same config, seeds and project directory) is not planned
 * twice: it is the compare already queued, whose directory is returned, and the flow is
 * added again only for what is missing, so no run is trained twice.
 */
export async function enqueueComparison(
  raw: unknown,
  baseDir: string,
  queue: CompareQueue,
  configPath: string,
): Promise<EnqueuedComparison> {
  const planned = await planCompare(raw, baseDir);
  const compareId = CompareQueue.compareId(planned.runs, baseDir);
  const claimed = await queue.claim(compareId, planned.directory);
  if (claimed !== null && existsSync(new CompareDirectory(claimed).recordPath)) {
    process.stderr.write(`ipmgan: this compare is already queued (${compareId}) in ${claimed}\n`);
    const directory = CompareDirectory.open(claimed, '--queue');
    await queue.addFlow(compareId, directory.path, plannedRunsOf(directory, directory.read()));
    return { directory: directory.path, compareId, existing: true };
  }
  // Claimed now, or claimed by an enqueue that died before writing its plan: this one writes it.
  const plan = claimed === null ? planned : await planCompare(raw, baseDir, new Date(), claimed);
  const { directory: path, runs } = plan;
  writeComparisonPlan(
    path,
    runs,
    { configPath, baseDir, ...(plan.plotIterations ? { plotIterations: plan.plotIterations } : {}) },
    { queue: { id: compareId } },
  );
  await queue.addFlow(compareId, path, runs);
  process.stderr.write(
    `ipmgan: queued ${countOf(runs.length, 'run')} (${[...new Set(runs.map((r) => r.label))].join(', ')}; ` +
      `seeds ${[...new Set(runs.map((r) => r.seed))].join(', ')}) as ${compareId} on ${queue.url}, in ${path}\n`,
  );
  return { directory: path, compareId, existing: false };
}
