import { tf } from '../tensorflow.js';
import { objectiveInputs } from './objectiveInputs.js';
import { PluginContexts } from './PluginContexts.js';
import { witnessOf } from './witnessOf.js';
import type { BatchSource, CriticBatch, StepPlayers } from './StepPlayers.js';

/**
 * One critic step (Algorithm 1, lines 3-8, for any objective), in this order (the contract,
 * docs/plugin-contract.md): a real and a fake batch; (1) the objective's critic loss, which may
 * call `inputs.critic` and inputGradient any number of times, plus every constraint's penalty
 * (whose `score` is the objective's witness), all on one tape; (2) the critic's optimizer applies
 * the critic's gradients; (3) the objective's `auxiliary.update` exactly once, with
 * d(critic loss)/d(auxiliary variable) from that tape; (4) every constraint's `afterCriticStep`.
 * The fake batch is made outside the gradient closure: no tape for the generator. Returns the
 * loss before the step. Memory-clean: everything but the variables' new values is freed.
 */
export function criticStep(players: StepPlayers, optimizer: tf.Optimizer, source: BatchSource<CriticBatch>): number {
  const { critic, objective, constraints, plugins } = players;
  if (!critic) throw new Error(`objective ${objective.id} trains no critic`);
  const objectiveContext = plugins.contextFor(PluginContexts.objectiveKey(objective.id));
  const contexts = constraints.map((c, i) => plugins.contextFor(PluginContexts.constraintKey(c.id, i)));
  const variables = critic.trainableVariables as tf.Variable[];
  const auxiliary = objective.auxiliary;
  const cost = tf.tidy((): tf.Scalar => {
    const { real, fake } =
      typeof source === 'function'
        ? source()
        : {
            real: players.data.sample(source.batchSize, source.rng), // [batch, ...shape]
            fake: players.generator.generate(players.generator.noise(source.batchSize, source.rng), true),
          };
    const loss = (): tf.Scalar => {
      const inputs = objectiveInputs(players, real, fake);
      let total = objective.criticLoss(inputs);
      // A penalty constrains what the estimate is built from: the score, or the objective's witness.
      const score =
        witnessOf(objective, inputs) ??
        ((): never => {
          throw new Error(
            `objective ${objective.id} declares no witness, and its features critic has no score for a constraint's penalty`,
          );
        });
      constraints.forEach((c, i) => {
        const context = contexts[i];
        if (c.penalty && context) total = tf.add(total, c.penalty({ real, fake, score }, context));
      });
      return total;
    };
    if (!auxiliary) {
      const value = optimizer.minimize(loss, true, variables);
      if (!value) throw new Error('optimizer returned no cost');
      return value;
    }
    // The objective's own variables share the tape; the critic's optimizer never sees them.
    const own = Object.entries(auxiliary.variables);
    const { value, grads } = tf.variableGrads(loss, [...variables, ...own.map(([, v]) => v)]);
    optimizer.applyGradients(
      variables.flatMap((v) => {
        const tensor = grads[v.name];
        return tensor ? [{ name: v.name, tensor }] : [];
      }),
    );
    const gradients: Record<string, tf.Tensor> = {};
    for (const [name, v] of own) gradients[name] = grads[v.name] ?? tf.zerosLike(v);
    auxiliary.update(gradients, objectiveContext);
    return value;
  });
  constraints.forEach((c, i) => {
    const context = contexts[i];
    if (c.afterCriticStep && context) c.afterCriticStep(critic, context);
  });
  const value = cost.dataSync()[0] ?? Number.NaN;
  cost.dispose();
  return value;
}
