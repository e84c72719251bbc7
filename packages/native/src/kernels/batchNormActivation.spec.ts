import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import { assertNativeMatches } from '../testing/assertNativeMatches.js';
import { EPSILON, composite, hasKernel, inputs, shapes, slopes } from '../testing/batchNormCases.js';
import { kernelPaths } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial(
  `${fusedKernelNames.batchNormActivation}: y, mean and variance match core's composite on wasm and cpu to 1e-5`,
  async (t) => {
    let fusedRuns = 0;
    const results = await kernelPaths(fusedKernelNames.batchNormActivation, () =>
      shapes.flatMap((shape, k) =>
        slopes
          .flatMap((slope) => {
            const [x, gamma, beta] = inputs(shape, k);
            if (!hasKernel(fusedKernelNames.batchNormActivation)) return composite(x, gamma, beta, slope);
            fusedRuns++;
            return tf
              .engine()
              .runKernel<tf.Tensor[]>(
                fusedKernelNames.batchNormActivation,
                { x, gamma, beta },
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
