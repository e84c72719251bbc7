import { checkpointName } from '../runs/checkpoint.js';
import type { RunDirectory } from '../runs/RunDirectory.js';
import { encodeSamples } from '../samples/encodeSamples.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import type { StepResult } from '../trainer/StepResult.js';
import type { Trainer } from '../trainer/Trainer.js';
import type { TrainerHook, TrainOutcome } from '../trainer/TrainerHook.js';

/**
 * Writes generated samples (CSV for vectors, .npy for images) every `every` iterations
 * and at the end. Its noise has its own fixed stream, so it never changes the training
 * stream: a run with samples and one without train identically.
 */
export class SampleWriter implements TrainerHook {
  readonly name = 'sample-writer';

  constructor(
    readonly directory: RunDirectory,
    readonly every: number,
    readonly count: number,
  ) {}

  #write(trainer: Trainer, iteration: number): void {
    const extension = trainer.data.shape.length === 1 ? 'csv' : 'npy';
    const rng = new Rng(trainer.config.seed ^ 0x5eed);
    const samples = trainer.generator.sample(this.count, rng);
    try {
      this.directory.writeSample(
        `${checkpointName(iteration)}.${extension}`,
        encodeSamples({ shape: samples.shape, data: samples.dataSync() as Float32Array }, extension),
      );
    } finally {
      tf.dispose(samples);
    }
  }

  afterGeneratorStep(trainer: Trainer, step: StepResult): void {
    if (this.every > 0 && step.iteration % this.every === 0) this.#write(trainer, step.iteration);
  }

  onTrainEnd(trainer: Trainer, outcome: TrainOutcome): void {
    if (outcome.reason !== 'diverged') this.#write(trainer, outcome.iteration);
  }
}
