import { tf, type TrainerContext } from '@ipmgan/core';
import { objectiveInputs } from '@ipmgan/core/engine';

/**
 * ||d L_critic / d W_l|| for each weight matrix W_l of the run's critic (its rank-2 trainable
 * variables, input layer first), on the given real and generated batches, with the critic
 * in training mode as the Trainer steps it.
 */
export function criticLayerGradients(context: TrainerContext, real: tf.Tensor, fake: tf.Tensor): number[] {
  const { critic, objective } = context;
  if (!critic) throw new Error(`objective ${objective.id} trains no critic`);
  const variables = (critic.trainableVariables as tf.Variable[]).filter((v) => v.shape.length === 2);
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(
      () => objective.criticLoss(objectiveInputs(context, real, fake, { training: true })),
      variables,
    );
    return variables.map((v) => {
      const g = grads[v.name];
      return g ? (tf.norm(g).dataSync()[0] ?? Number.NaN) : Number.NaN;
    });
  });
}
