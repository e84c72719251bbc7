import { injectable, injectFromBase } from 'inversify';
import { Trainer } from '../trainer/Trainer.js';
import type { StepResult } from '../trainer/StepResult.js';

/**
 * Example of wrapping the trainer (docs/plugin-services.md): the same Trainer, recording
 * every generator iteration's number of critic steps. A plugin binds it with
 * `rebind(IDS.Trainer).to(CountingTrainer).inSingletonScope()`; the constructor's
 * injections are inherited from Trainer.
 */
@injectable()
@injectFromBase({ extendConstructorArguments: true, extendProperties: true })
export class CountingTrainer extends Trainer {
  readonly criticStepsPerIteration: number[] = [];

  override async step(): Promise<StepResult> {
    const result = await super.step();
    this.criticStepsPerIteration.push(result.criticSteps);
    return result;
  }
}
