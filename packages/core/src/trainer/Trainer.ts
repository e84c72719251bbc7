// inversify reads constructor metadata through the Reflect API; this is the one file with
// decorators, so the engine, not the contract entry, pulls the polyfill in.
import 'reflect-metadata';
import { inject, injectable, multiInject, optional } from 'inversify';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { Constraint } from '../contracts/Constraint.js';
import type { Critic } from '../contracts/Critic.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { Generator } from '../contracts/Generator.js';
import type { Objective } from '../contracts/Objective.js';
import { IDS } from '../identifiers.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import type { Rng } from '../random/Rng.js';
import { checkFiniteState } from './checkFiniteState.js';
import { criticIterations } from './criticIterations.js';
import { criticStep } from './criticStep.js';
import { DivergenceError } from './DivergenceError.js';
import { generatorStep } from './generatorStep.js';
import { PluginContexts } from './PluginContexts.js';
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
  #clockStart = 0;

  constructor(
    @inject(IDS.ResolvedConfig) readonly config: ResolvedConfig,
    @inject(IDS.DataSource) readonly data: DataSource,
    @inject(IDS.Generator) readonly generator: Generator,
    @inject(IDS.Objective) readonly objective: Objective,
    @inject(IDS.Constraints) readonly constraints: readonly Constraint[],
    @inject(IDS.Rng) rng: Rng,
    @inject(IDS.PluginContexts) readonly plugins: PluginContexts,
    @inject(IDS.Critic) @optional() critic: Critic | undefined,
    @multiInject(IDS.TrainerHook) @optional() hooks: TrainerHook[] | undefined,
    @multiInject(IDS.Evaluator) @optional() evaluators: TrainerHook[] | undefined,
  ) {
    this.critic = critic ?? null;
    // Checkpointing hooks last (TrainerHook.savesCheckpoints): a checkpoint holds every other hook's work.
    const all = [...(hooks ?? []), ...(evaluators ?? [])];
    this.#hooks = [
      ...all.filter((h) => h.savesCheckpoints !== true),
      ...all.filter((h) => h.savesCheckpoints === true),
    ];
    for (const hook of this.#hooks) plugins.declare(PluginContexts.hookKey(hook.name), hook.state);
    const { optimizers } = config.training;
    this.state = {
      // One count of completed iterations: the plugin contexts read the same number.
      get iteration() {
        return plugins.iteration;
      },
      set iteration(value: number) {
        plugins.iteration = value;
      },
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
    const { batchSize } = this.config.training;
    const { rng, criticOptimizer } = this.state;
    for (let j = 0; j < k; j++) {
      if (!criticOptimizer) throw new Error('critic step without a critic');
      criticLoss = criticStep(this, criticOptimizer, { batchSize, rng });
      if (!Number.isFinite(criticLoss)) throw new DivergenceError(iteration, 'critic', criticLoss);
      for (const hook of this.#hooks) await hook.afterCriticStep?.(this, criticLoss);
    }
    const withEstimate = this.isLogIteration(iteration);
    const { loss: generatorLoss, estimate } = generatorStep(
      this,
      this.state.generatorOptimizer,
      { batchSize, rng },
      withEstimate,
    );
    if (!Number.isFinite(generatorLoss)) throw new DivergenceError(iteration, 'generator', generatorLoss);
    await checkFiniteState(this, iteration);
    this.state.iteration = iteration;
    return estimate === undefined
      ? { iteration, criticSteps: k, criticLoss, generatorLoss }
      : { iteration, criticSteps: k, criticLoss, generatorLoss, estimate };
  }
}
