import { tf, type Network, type NetworkShapes } from '@ipmgan/core';

/**
 * The network of an analytic generator (gaussian-shift, parallel-line): one trainable scalar
 * `parameter.name` starting at `parameter.initial`, over noise of dimension 1, making
 * `outputs`-D points as `apply(z, variable)` does (inside a tidy). `id` names it in errors.
 */
export function oneParameterNetwork(
  id: string,
  shapes: NetworkShapes,
  parameter: { readonly name: string; readonly initial: number },
  outputs: number,
  apply: (z: tf.Tensor, variable: tf.Variable) => tf.Tensor,
): Network {
  const [inputSize, ...rest] = shapes.inputShape;
  if (inputSize !== 1 || rest.length > 0)
    throw new Error(`${id} expects noise of dimension 1, got [${shapes.inputShape.join(', ')}]`);
  if (shapes.outputShape.length !== 1 || shapes.outputShape[0] !== outputs)
    throw new Error(`${id} makes ${String(outputs)}-D points, the data has shape [${shapes.outputShape.join(', ')}]`);
  // The variable takes a reference to its initial value, which is then freed.
  const initialValue = tf.scalar(parameter.initial);
  const variable = tf.variable(initialValue, true, `${shapes.name}/${parameter.name}`);
  initialValue.dispose();
  return {
    inputShape: [1],
    outputShape: [outputs],
    trainableVariables: [variable],
    stateVariables: [],
    apply: (z) => tf.tidy(() => apply(z, variable)),
    dispose: () => {
      variable.dispose();
    },
  };
}
