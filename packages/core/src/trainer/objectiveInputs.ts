import type { Critic, CriticOutput } from '../contracts/Critic.js';
import type { ObjectiveInputs } from '../contracts/Objective.js';
import { tf } from '../tensorflow.js';
import { PluginContexts } from './PluginContexts.js';
import type { StepPlayers } from './StepPlayers.js';

/** Rows [start, start + size) of a critic's output (each field it has). */
function rows(output: CriticOutput, start: number, size: number): CriticOutput {
  return {
    ...(output.score ? { score: tf.slice(output.score, [start], [size]) } : {}), // [size]
    ...(output.features ? { features: tf.slice(output.features, [start, 0], [size, -1]) } : {}), // [size, n]
    ...(output.code ? { code: tf.slice(output.code, [start, 0], [size, -1]) } : {}), // [size, codeSize]
  };
}

/** Whether tf.tidy has freed any tensor of a critic output. */
function disposed(output: CriticOutput): boolean {
  return [output.score, output.features, output.code].some((t) => t?.isDisposed === true);
}

/**
 * The critic's outputs on both batches from one pass over [real; fake]: one matrix product
 * per layer over 2 x batch rows instead of two, and one weight gradient instead of two that
 * are then added. Only for a samplewise critic, whose rows do not see each other.
 */
function scoreTogether(critic: Critic, real: tf.Tensor, fake: tf.Tensor, training: boolean) {
  const [realRows = 0] = real.shape;
  const [fakeRows = 0] = fake.shape;
  const both = critic.evaluate(tf.concat([real, fake]), training); // [real + fake]
  return { criticReal: rows(both, 0, realRows), criticFake: rows(both, realRows, fakeRows) };
}

/**
 * The ObjectiveInputs of one step: the batches, the critic's outputs on both, the critic as
 * a function (in the same mode, on the same tape) and the objective's own context. A samplewise critic (no batch norm) scores both batches in one
 * pass over their concatenation; any other runs on the real batch first, then on the fake
 * one. Training mode unless `training: false` (measurements). With `lazyReal` (the generator
 * step) the fake batch is scored first and the real one only if the objective reads
 * `criticReal` (WGAN's generator loss does not; EBGAN's and the estimates do).
 */
export function objectiveInputs(
  players: Pick<StepPlayers, 'critic' | 'objective' | 'plugins'>,
  real: tf.Tensor,
  fake: tf.Tensor,
  options: { readonly lazyReal?: boolean; readonly training?: boolean } = {},
): ObjectiveInputs {
  const { critic, objective, plugins } = players;
  const context = plugins.contextFor(PluginContexts.objectiveKey(objective.id));
  if (!critic) return { real, fake, context };
  const training = options.training ?? true;
  const asFunction = (x: tf.Tensor): CriticOutput => critic.evaluate(x, training);
  if (!options.lazyReal) {
    if (critic.samplewise)
      return { real, fake, ...scoreTogether(critic, real, fake, training), critic: asFunction, context };
    const criticReal = critic.evaluate(real, training);
    return { real, fake, criticReal, criticFake: critic.evaluate(fake, training), critic: asFunction, context };
  }
  const criticFake = critic.evaluate(fake, training);
  let criticReal: CriticOutput | undefined;
  return {
    real,
    fake,
    // Scored at the first read, inside whatever tidy the objective is in: a loss that reads it in
    // its own tf.tidy frees it at that scope's end, so a later read (the estimate) scores again
    // rather than hand out disposed tensors.
    get criticReal() {
      if (criticReal === undefined || disposed(criticReal)) criticReal = critic.evaluate(real, training);
      return criticReal;
    },
    criticFake,
    critic: asFunction,
    context,
  };
}
