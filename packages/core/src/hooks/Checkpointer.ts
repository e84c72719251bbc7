import { saveCheckpoint, verifyCheckpoint } from '../runs/checkpoint.js';
import type { RunDirectory } from '../runs/RunDirectory.js';
import type { StepResult } from '../trainer/StepResult.js';
import type { Trainer } from '../trainer/Trainer.js';
import type { TrainerHook, TrainOutcome } from '../trainer/TrainerHook.js';

/** Checkpoints every `every` iterations (0: never in between) and when training ends well. */
export class Checkpointer implements TrainerHook {
  readonly name = 'checkpointer';
  readonly savesCheckpoints = true;
  lastCheckpoint: string | null = null;

  constructor(
    readonly directory: RunDirectory,
    readonly every: number,
  ) {}

  /**
   * The last checkpoint if it still passes verifyCheckpoint (checksums, layout, finite
   * values), else null: what a diverged run may call its last good checkpoint.
   */
  lastGoodCheckpoint(): string | null {
    if (this.lastCheckpoint === null) return null;
    try {
      verifyCheckpoint(this.lastCheckpoint);
      return this.lastCheckpoint;
    } catch {
      return null;
    }
  }

  async afterGeneratorStep(trainer: Trainer, step: StepResult): Promise<void> {
    if (this.every > 0 && step.iteration % this.every === 0)
      this.lastCheckpoint = await saveCheckpoint(trainer, this.directory);
  }

  async onTrainEnd(trainer: Trainer, outcome: TrainOutcome): Promise<void> {
    // A diverged run keeps its last good checkpoint instead of saving NaN weights.
    if (outcome.reason === 'diverged') return;
    if (this.every > 0 && outcome.iteration % this.every === 0 && this.lastCheckpoint) return;
    this.lastCheckpoint = await saveCheckpoint(trainer, this.directory);
  }
}
