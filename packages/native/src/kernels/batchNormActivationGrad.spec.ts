import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import { assertNativeMatches } from '../testing/assertNativeMatches.js';
import { EPSILON, composite, hasKernel, inputs, shapes, slopes } from '../testing/batchNormCases.js';
import { kernelPaths, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial(
  `${fusedKernelNames.batchNormActivationGrad}: dx, dgamma, dbeta match autodiff of the composite on wasm and cpu to 1e-5`,
  async (t) => {
    let fusedRuns = 0;
    const results = await kernelPaths(fusedKernelNames.batchNormActivationGrad, () =>
      shapes.flatMap((shape, k) =>
        slopes
          .flatMap((slope) => {
            const [x, gamma, beta] = inputs(shape, k);
            const dy = tf.tensor(sample(shape, 400 + k), shape);
            if (!hasKernel(fusedKernelNames.batchNormActivationGrad)) {
              const loss = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor =>
                tf.sum(tf.mul(composite(a, g, b, slope)[0] ?? a, dy));
              return tf.grads(loss)([x, gamma, beta]);
            }
            fusedRuns++;
            const [y, mean, variance] = tf
              .engine()
              .runKernel<tf.Tensor[]>(
                fusedKernelNames.batchNormActivation,
                { x, gamma, beta },
                { epsilon: EPSILON, slope },
              );
            return tf
              .engine()
              .runKernel<tf.Tensor[]>(
                fusedKernelNames.batchNormActivationGrad,
                { dy, x, gamma, mean: mean ?? x, variance: variance ?? x, y: y ?? x },
                { epsilon: EPSILON, slope },
              );
          })
          .map((r) => r.dataSync() as Float32Array),
      ),
    );
    t.true(fusedRuns > 0);
    assertNativeMatches(t, results, 1e-5, (i) => `output ${i}`);
  },
);
