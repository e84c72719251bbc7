import { tf } from '@ipmgan/core';
import type { ExecutionContext } from 'ava';
import type { DefinedExperiment } from './defineExperiment.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import type { ExperimentOutcome } from './ExperimentOutcome.js';

/** Runs `config` through `experiment` into `out` (runConfig) and asserts that it left no tensor behind. */
export async function runLeakFree<Config, Results>(
  t: ExecutionContext,
  experiment: DefinedExperiment<Config, Results>,
  config: Config,
  out: string,
  options?: ExperimentOptions,
): Promise<ExperimentOutcome<Results>> {
  const before = tf.memory().numTensors;
  const outcome = await experiment.runConfig(config, out, options);
  t.is(tf.memory().numTensors, before, 'no tensor left behind');
  return outcome;
}
