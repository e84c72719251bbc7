import { setImmediate } from 'node:timers/promises';
import { criticStep, type Run } from '@ipmgan/core';

/**
 * Trains the run's critic alone for `steps` steps with the generator frozen: core's critic
 * step (the Trainer's, with the run's optimizer and training stream) without the generator
 * step in between. Returns the critic loss of every step. Between steps it yields to the
 * event loop, so that an aborted `signal` (Ctrl-C in `ipmgan reproduce`) is seen, and stops
 * with the signal's reason within one step.
 */
export async function trainCritic(run: Run, steps: number, batchSize: number, signal?: AbortSignal): Promise<number[]> {
  const { trainer } = run;
  const optimizer = trainer.state.criticOptimizer;
  if (!trainer.critic || !optimizer) throw new Error(`objective ${trainer.objective.id} trains no critic`);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    if (signal) {
      await setImmediate();
      signal.throwIfAborted();
    }
    losses.push(criticStep(trainer, optimizer, { batchSize, rng: trainer.state.rng }));
  }
  return losses;
}
