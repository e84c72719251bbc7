import { tf, type Critic, type ObjectiveInputs, type Objective } from '@ipmgan/core';

/**
 * ||d L_critic / d W_l|| for each weight matrix W_l of the critic (its rank-2 trainable
 * variables, input layer first), on the given real and generated batches, with the
 * critic in training mode as the Trainer steps it.
 */
export function criticLayerGradients(critic: Critic, objective: Objective, real: tf.Tensor, fake: tf.Tensor): number[] {
  const variables = (critic.trainableVariables as tf.Variable[]).filter((v) => v.shape.length === 2);
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(() => {
      const inputs: ObjectiveInputs = {
        real,
        fake,
        criticReal: critic.evaluate(real, true),
        criticFake: critic.evaluate(fake, true),
      };
      return objective.criticLoss(inputs);
    }, variables);
    return variables.map((v) => {
      const g = grads[v.name];
      return g ? (tf.norm(g).dataSync()[0] ?? Number.NaN) : Number.NaN;
    });
  });
}
