import { inject, injectable, multiInject, optional } from 'inversify';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { Constraint } from '../contracts/Constraint.js';
import type { Critic, CriticOutput } from '../contracts/Critic.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { Generator } from '../contracts/Generator.js';
import type { Objective, ObjectiveInputs } from '../contracts/Objective.js';
import { IDS } from '../identifiers.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import type { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { criticIterations } from './criticIterations.js';
import { DivergenceError } from './DivergenceError.js';
import type { StepResult } from './StepResult.js';
import type { TrainerContext } from './TrainerContext.js';
import type { TrainerHook, TrainOutcome } from './TrainerHook.js';
import type { TrainerState } from './TrainerState.js';

export interface FitOptions {
  /** Train until this many generator iterations are done in total (default: the config's). */
  readonly iterations?: number;
  /** Aborting stops after the current generator iteration; onTrainEnd hooks still run. */
  readonly signal?: AbortSignal;
}

/** optimizer.minimize(f, true) returns the cost; null only when returnCost is false. */
function costOf(cost: tf.Scalar | null): tf.Scalar {
  if (!cost) throw new Error('optimizer returned no cost');
  return cost;
}

function readScalar(t: tf.Scalar): number {
  const value = t.dataSync()[0] ?? Number.NaN;
  t.dispose();
  return value;
}

/**
 * Algorithm 1, for any objective: per generator iteration, k critic steps (each an
 * optimizer step, then the constraints' projection), then one generator step. The
 * trainer owns the schedule, the optimizers and the random stream; objectives only
 * supply losses. Objectives without a critic skip the critic loop.
 */
@injectable()
export class Trainer implements TrainerContext {
  readonly state: TrainerState;
  readonly #hooks: readonly TrainerHook[];
  readonly #penalties: readonly Constraint[];
  readonly #projections: readonly Constraint[];
  #clockStart = 0;

  constructor(
    @inject(IDS.ResolvedConfig) readonly config: ResolvedConfig,
    @inject(IDS.DataSource) readonly data: DataSource,
    @inject(IDS.Generator) readonly generator: Generator,
    @inject(IDS.Objective) readonly objective: Objective,
    @inject(IDS.Constraints) constraints: readonly Constraint[],
    @inject(IDS.Rng) rng: Rng,
    @inject(IDS.Critic) @optional() critic: Critic | undefined,
    @multiInject(IDS.TrainerHook) @optional() hooks: TrainerHook[] | undefined,
  ) {
    this.critic = critic ?? null;
    this.#hooks = hooks ?? [];
    this.#penalties = constraints.filter((c) => c.penalty !== undefined);
    this.#projections = constraints.filter((c) => c.afterCriticStep !== undefined);
    const { optimizers } = config.training;
    this.state = {
      iteration: 0,
      elapsedBefore: 0,
      rng,
      criticOptimizer: this.critic ? createOptimizer(optimizers.critic) : null,
      generatorOptimizer: createOptimizer(optimizers.generator),
    };
  }

  readonly critic: Critic | null;

  get hooks(): readonly TrainerHook[] {
    return this.#hooks;
  }

  isLogIteration(iteration: number): boolean {
    return (
      iteration % this.config.run.logEvery === 0 ||
      iteration === this.config.training.iterations ||
      this.isEvaluationIteration(iteration)
    );
  }

  isEvaluationIteration(iteration: number): boolean {
    const every = this.config.run.evaluateEvery;
    return every > 0 && (iteration % every === 0 || iteration === this.config.training.iterations);
  }

  /** Seconds of training so far, across resumes. */
  elapsedSeconds(): number {
    return this.state.elapsedBefore + (performance.now() - this.#clockStart) / 1000;
  }

  async fit(options: FitOptions = {}): Promise<TrainOutcome> {
    const target = options.iterations ?? this.config.training.iterations;
    this.#clockStart = performance.now();
    for (const hook of this.#hooks) await hook.onTrainBegin?.(this);
    let reason: TrainOutcome['reason'] = 'finished';
    let failure: DivergenceError | undefined;
    try {
      while (this.state.iteration < target) {
        // A macrotask turn per iteration: signal handlers, IPC messages ('stop', a parent's
        // disconnect) and timers only run between event-loop turns, never between microtasks.
        if (options.signal) await new Promise<void>((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) {
          reason = 'stopped';
          break;
        }
        let step = await this.step();
        if (this.isEvaluationIteration(step.iteration)) step = { ...step, evaluation: await this.#evaluate(step) };
        for (const hook of this.#hooks) await hook.afterGeneratorStep?.(this, step);
      }
    } catch (error) {
      if (!(error instanceof DivergenceError)) throw error;
      reason = 'diverged';
      failure = error;
    }
    this.state.elapsedBefore = this.elapsedSeconds();
    this.#clockStart = performance.now();
    const outcome: TrainOutcome = { iteration: this.state.iteration, reason };
    for (const hook of this.#hooks) await hook.onTrainEnd?.(this, outcome);
    if (failure) throw failure;
    return outcome;
  }

  async #evaluate(step: StepResult): Promise<Record<string, number>> {
    const evaluation: Record<string, number> = {};
    for (const hook of this.#hooks)
      if (hook.evaluate) Object.assign(evaluation, await hook.evaluate(this, step.iteration, step));
    return evaluation;
  }

  /** One generator iteration: k critic steps, then one generator step. */
  async step(): Promise<StepResult> {
    const iteration = this.state.iteration + 1;
    const k = this.critic ? criticIterations(this.config.training.schedule, this.state.iteration) : 0;
    let criticLoss = Number.NaN;
    for (let j = 0; j < k; j++) {
      criticLoss = this.#criticStep();
      if (!Number.isFinite(criticLoss)) throw new DivergenceError(iteration, 'critic', criticLoss);
      for (const hook of this.#hooks) await hook.afterCriticStep?.(this, criticLoss);
    }
    const { loss: generatorLoss, estimate } = this.#generatorStep(this.isLogIteration(iteration));
    if (!Number.isFinite(generatorLoss)) throw new DivergenceError(iteration, 'generator', generatorLoss);
    this.state.iteration = iteration;
    return estimate === undefined
      ? { iteration, criticSteps: k, criticLoss, generatorLoss }
      : { iteration, criticSteps: k, criticLoss, generatorLoss, estimate };
  }

  #criticStep(): number {
    const critic = this.critic;
    const optimizer = this.state.criticOptimizer;
    if (!critic || !optimizer) throw new Error('critic step without a critic');
    const { batchSize } = this.config.training;
    const { rng } = this.state;
    const variables = critic.trainableVariables as tf.Variable[];
    const cost = tf.tidy(() => {
      const real = this.data.sample(batchSize, rng); // [batch, ...shape]
      // The fake batch is made outside the gradient closure: no tape for the generator.
      const fake = this.generator.generate(this.generator.noise(batchSize, rng), true);
      const cost = optimizer.minimize(
        () => {
          const inputs: ObjectiveInputs = {
            real,
            fake,
            criticReal: critic.evaluate(real, true),
            criticFake: critic.evaluate(fake, true),
          };
          let loss = this.objective.criticLoss(inputs);
          for (const c of this.#penalties) {
            const score = (x: tf.Tensor): tf.Tensor1D => critic.evaluate(x, true).score;
            loss = tf.add(loss, c.penalty?.({ real, fake, score }) ?? 0);
          }
          return loss;
        },
        true,
        variables,
      );
      return costOf(cost);
    });
    for (const c of this.#projections) c.afterCriticStep?.(critic.trainableVariables);
    return readScalar(cost);
  }

  #generatorStep(withEstimate: boolean): { loss: number; estimate?: number } {
    const critic = this.critic;
    const { batchSize } = this.config.training;
    const { rng } = this.state;
    let estimate: tf.Scalar | undefined;
    const cost = tf.tidy(() => {
      const z = this.generator.noise(batchSize, rng); // [batch, noiseDim]
      // The real batch is drawn on every generator step, read or not, so that logging an
      // estimate (which reads it) never shifts the random stream: logEvery cannot change training.
      const real = this.data.sample(batchSize, rng);
      const cost = this.state.generatorOptimizer.minimize(
        () => {
          const fake = this.generator.generate(z, true);
          const criticFake = critic?.evaluate(fake, true);
          // The critic runs on the real batch only if the objective reads it
          // (WGAN's generator loss does not; EBGAN's and the estimates do).
          let criticReal: CriticOutput | undefined;
          const inputs: ObjectiveInputs = {
            real,
            fake,
            get criticReal() {
              if (!critic) return undefined;
              return (criticReal ??= critic.evaluate(real, true));
            },
            ...(criticFake ? { criticFake } : {}),
          };
          const loss = this.objective.generatorLoss(inputs);
          // The estimate is taken before the generator moves, on the same batch.
          if (withEstimate) estimate = tf.keep(this.objective.estimate(inputs));
          return loss;
        },
        true,
        this.generator.trainableVariables as tf.Variable[],
      );
      return costOf(cost);
    });
    const loss = readScalar(cost);
    return estimate ? { loss, estimate: readScalar(estimate) } : { loss };
  }
}
