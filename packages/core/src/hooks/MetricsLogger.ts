import type { MetricsRecord } from '../runs/MetricsRecord.js';
import type { RunDirectory } from '../runs/RunDirectory.js';
import type { StepResult } from '../trainer/StepResult.js';
import type { Trainer } from '../trainer/Trainer.js';
import type { TrainerHook } from '../trainer/TrainerHook.js';

/** Appends a metrics.jsonl line on every iteration that carries an estimate. */
export class MetricsLogger implements TrainerHook {
  readonly name = 'metrics-logger';

  constructor(readonly directory: RunDirectory) {}

  /** The metrics.jsonl line of a step; null on iterations without an estimate. */
  static record(trainer: Trainer, step: StepResult): MetricsRecord | null {
    if (step.estimate === undefined) return null;
    return {
      iteration: step.iteration,
      criticLoss: Number.isNaN(step.criticLoss) ? null : step.criticLoss,
      generatorLoss: step.generatorLoss,
      estimateName: trainer.objective.estimateInfo.name,
      estimate: step.estimate,
      elapsedSeconds: trainer.elapsedSeconds(),
      ...(step.evaluation ? { evaluation: step.evaluation } : {}),
    };
  }

  afterGeneratorStep(trainer: Trainer, step: StepResult): void {
    const record = MetricsLogger.record(trainer, step);
    if (record) this.directory.appendMetrics(record);
  }
}
