import type { Constraint } from '../contracts/Constraint.js';
import type { Critic } from '../contracts/Critic.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { Generator } from '../contracts/Generator.js';
import type { Objective } from '../contracts/Objective.js';
import type { Rng } from '../random/Rng.js';
import type { tf } from '../tensorflow.js';
import type { PluginContexts } from './PluginContexts.js';

/** What the step functions train: a Trainer is one, and so is a run's `trainer`. */
export interface StepPlayers {
  readonly data: DataSource;
  readonly generator: Generator;
  readonly critic: Critic | null;
  readonly objective: Objective;
  /** In config order: a constraint's context key is its id and its index here. */
  readonly constraints: readonly Constraint[];
  readonly plugins: PluginContexts;
}

/**
 * Where a step's batches come from: `{ batchSize, rng }` draws them from the players (the
 * Trainer's way), a function supplies them (the conformance kit's fixed Gaussians). A
 * function is called inside the step's tidy scope, so the tensors it makes are freed.
 */
export type BatchSource<Batch> = { readonly batchSize: number; readonly rng: Rng } | (() => Batch);

/** A critic step's batches: [batch, ...dataShape] each. */
export interface CriticBatch {
  readonly real: tf.Tensor;
  readonly fake: tf.Tensor;
}

/** A generator step's batch: noise [batch, noiseDim] and a real batch [batch, ...dataShape]. */
export interface GeneratorBatch {
  readonly z: tf.Tensor2D;
  readonly real: tf.Tensor;
}
