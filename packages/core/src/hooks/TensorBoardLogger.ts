import { join } from 'node:path';
import { MetricsLogger } from './MetricsLogger.js';
import type { RunDirectory } from '../runs/RunDirectory.js';
import { imageRange } from '../tensorboard/imageRange.js';
import { metricScalars } from '../tensorboard/metricScalars.js';
import { sampleSheet } from '../tensorboard/sampleSheet.js';
import { TensorBoardWriter } from '../tensorboard/TensorBoardWriter.js';
import type { StepResult } from '../trainer/StepResult.js';
import type { Trainer } from '../trainer/Trainer.js';
import type { TrainerHook, TrainOutcome } from '../trainer/TrainerHook.js';

/**
 * With `run.tensorboard`, writes the run's TensorBoard events into `<run>/tensorboard/` while
 * it trains: the scalars of every metrics.jsonl line (as metricScalars names them) and a sheet
 * of every sample file the sample writer leaves (bound after it, so the file of the iteration
 * exists). Each process writes its own events file, so a resumed run adds one; the metrics
 * and checkpoints stay exactly as without it.
 */
export class TensorBoardLogger implements TrainerHook {
  readonly name = 'tensorboard-logger';
  #writer: TensorBoardWriter | undefined;
  #drawn = new Set<number>();

  constructor(readonly directory: RunDirectory) {}

  get path(): string {
    return join(this.directory.path, 'tensorboard');
  }

  #open(): TensorBoardWriter {
    this.#writer ??= new TensorBoardWriter(this.path);
    return this.#writer;
  }

  #drawSamples(trainer: Trainer, iteration: number): void {
    if (this.#drawn.has(iteration)) return;
    const file = this.directory.sampleFiles().find((f) => f.iteration === iteration); // the writer's, just written
    if (!file) return;
    const sheet = sampleSheet(file, imageRange(trainer.config));
    if (sheet) this.#open().image('samples', iteration, sheet);
    this.#drawn.add(iteration);
  }

  afterGeneratorStep(trainer: Trainer, step: StepResult): void {
    const record = MetricsLogger.record(trainer, step);
    if (record) {
      const writer = this.#open();
      for (const [tag, value] of metricScalars(record)) writer.scalar(tag, step.iteration, value);
    }
    // Only where the sample writer wrote (no directory listing on the other iterations).
    const every = trainer.config.run.sampleEvery;
    if (every > 0 && step.iteration % every === 0) this.#drawSamples(trainer, step.iteration);
  }

  onTrainEnd(trainer: Trainer, outcome: TrainOutcome): void {
    this.#drawSamples(trainer, outcome.iteration);
  }
}
