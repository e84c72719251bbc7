import type { RunBase } from './resolveEntry.js';

/** The fields an experiment trained through core's Trainer (E5, E6, E8) fixes for every objective. */
export interface TrainedRun {
  readonly name: string;
  readonly seed: number;
  readonly backend: RunBase['backend'];
  readonly data: RunBase['data'];
  readonly noiseDimension: number;
  readonly generatorNetwork: NonNullable<RunBase['generator']['network']>;
  readonly criticNetwork: RunBase['criticNetwork'];
  readonly iterations: number;
}

/**
 * The run base of a generator and critic trained together: gaussian noise of
 * `noiseDimension` into `generatorNetwork`, the critic `criticNetwork`, logging every `logEvery`.
 */
export function trainedRunBase(config: TrainedRun, logEvery: number): RunBase {
  return {
    name: config.name,
    seed: config.seed,
    backend: config.backend,
    data: config.data,
    generator: {
      noise: { distribution: 'gaussian', dimension: config.noiseDimension },
      network: config.generatorNetwork,
    },
    criticNetwork: config.criticNetwork,
    iterations: config.iterations,
    logEvery,
  };
}
