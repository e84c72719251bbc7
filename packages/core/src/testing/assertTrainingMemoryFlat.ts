import type { Run } from '../runs/createRun.js';
import { tf } from '../tensorflow.js';

/** The one assertion the check needs: ava's `t` fits it. */
interface IsAssertion {
  is(actual: unknown, expected: unknown, message?: string): unknown;
}

/**
 * Every training step memory-clean: after one warm-up iteration (optimizer slots, cached
 * kernels), training `run` up to iteration `until` leaves tf.memory().numTensors where it was.
 */
export async function assertTrainingMemoryFlat(t: IsAssertion, run: Run, until: number): Promise<void> {
  await run.trainer.fit({ iterations: 1 });
  const before = tf.memory().numTensors;
  await run.trainer.fit({ iterations: until });
  t.is(tf.memory().numTensors, before);
}
