import { availableParallelism } from 'node:os';
import { untilInterrupted } from '../untilInterrupted.js';

export interface WorkerOptions {
  readonly queue: string;
  /** Default: the number of CPUs, as compare's --workers. */
  readonly concurrency?: number;
  readonly stallSeconds: number;
}

/**
 * `ipmgan worker --queue URL`: trains the runs of queued compares on this host until SIGTERM
 * or Ctrl-C, which stop every run after its current iteration with a checkpoint and put its
 * job back on the queue for any worker to continue.
 */
export async function worker(options: WorkerOptions): Promise<void> {
  // Loaded only here, as in compare --queue: no other command pays for importing bullmq and ioredis.
  const { CompareQueue, serveQueue } = await import('@ipmgan/compare/queue');
  const queue = await CompareQueue.open(options.queue, '--queue');
  try {
    await untilInterrupted(
      'stopping every run after its current iteration, with a checkpoint, and returning its job to the queue',
      (signal) =>
        serveQueue(queue, {
          concurrency: options.concurrency ?? availableParallelism(),
          stallSeconds: options.stallSeconds,
          signal,
        }),
    );
  } finally {
    await queue.close();
  }
}
