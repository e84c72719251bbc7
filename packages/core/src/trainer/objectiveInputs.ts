import type { CriticOutput } from '../contracts/Critic.js';
import type { ObjectiveInputs } from '../contracts/Objective.js';
import type { tf } from '../tensorflow.js';
import { PluginContexts } from './PluginContexts.js';
import type { StepPlayers } from './StepPlayers.js';

/**
 * The ObjectiveInputs of one step: the batches, the critic's outputs on both and the
 * objective's own context. The critic runs on the real batch first, then on the fake one,
 * in training mode unless `training: false` (measurements). With `lazyReal` (the generator
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
  if (!options.lazyReal) {
    const criticReal = critic.evaluate(real, training);
    return { real, fake, criticReal, criticFake: critic.evaluate(fake, training), context };
  }
  const criticFake = critic.evaluate(fake, training);
  let criticReal: CriticOutput | undefined;
  return {
    real,
    fake,
    get criticReal() {
      return (criticReal ??= critic.evaluate(real, training));
    },
    criticFake,
    context,
  };
}
