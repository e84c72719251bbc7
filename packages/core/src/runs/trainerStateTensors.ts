import { tf } from '../tensorflow.js';
import type { TrainerContext } from '../trainer/TrainerContext.js';
import type { NamedTensor } from './findNonFinite.js';
import { collectPluginState, type PluginStateManifest } from './pluginStateCheckpoint.js';

/** A player's variables: trainable weights, then batch-norm statistics. */
export function playerVariables(trainer: TrainerContext, player: 'generator' | 'critic'): tf.Variable[] {
  const networks = player === 'generator' ? [trainer.generator.network] : (trainer.critic?.networks ?? []);
  return networks.flatMap((n) => [...n.trainableVariables, ...n.stateVariables]);
}

/** A trainer's whole state as a checkpoint stores it. */
export interface TrainerStateTensors {
  /** In checkpoint order: generator, critic, generatorOptimizer, criticOptimizer, then "plugin:<key>" groups. */
  readonly groups: readonly (readonly [string, readonly NamedTensor[]])[];
  /** The plugins' streams and JSON state. */
  readonly plugins: PluginStateManifest;
  /** Frees the tensors the optimizers' getWeights() made; variables and plugin tensors stay. */
  dispose(): void;
}

/**
 * Every tensor of a trainer's state by group: both players' variables, both optimizers'
 * getWeights() (iteration count and slots) and the plugins' declared tensors.
 */
export async function trainerStateTensors(trainer: TrainerContext): Promise<TrainerStateTensors> {
  const weightsOf = async (optimizer: tf.Optimizer | null): Promise<NamedTensor[]> =>
    optimizer ? optimizer.getWeights() : [];
  const variables = (player: 'generator' | 'critic'): NamedTensor[] =>
    playerVariables(trainer, player).map((v) => ({ name: v.name, tensor: v }));
  const generatorOptimizer = await weightsOf(trainer.state.generatorOptimizer);
  const criticOptimizer = await weightsOf(trainer.state.criticOptimizer);
  const pluginState = collectPluginState(trainer);
  return {
    groups: [
      ['generator', variables('generator')],
      ['critic', variables('critic')],
      ['generatorOptimizer', generatorOptimizer],
      ['criticOptimizer', criticOptimizer],
      ...pluginState.groups,
    ],
    plugins: pluginState.manifest,
    dispose() {
      for (const { tensor } of [...generatorOptimizer, ...criticOptimizer]) if (!(tensor instanceof tf.Variable)) tensor.dispose();
    },
  };
}
