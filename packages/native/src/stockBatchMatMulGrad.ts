import * as tf from '@tensorflow/tfjs-core';

/**
 * tfjs-core 4.22's own BatchMatMul gradient (gradients/BatchMatMul_grad.ts), which passes the
 * transposes to matMul as flags. @ipmgan/core replaces it for wasm, whose flagged matMuls are
 * slow; with the native BatchMatMul the flags are free (sgemm reads op(a) in place), so the
 * copies core's version makes are pure cost and this one is put back while native is active.
 */
export const stockBatchMatMulGrad: tf.GradConfig = {
  kernelName: tf.BatchMatMul,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved, attrs) => {
    const [a, b] = saved;
    if (a === undefined || b === undefined || Array.isArray(dy)) {
      throw new Error('BatchMatMul gradient expects saved a, b and one dy.');
    }
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    if (!transposeA && !transposeB) {
      return { a: () => tf.matMul(dy, b, false, true), b: () => tf.matMul(a, dy, true, false) };
    } else if (!transposeA && transposeB) {
      return { a: () => tf.matMul(dy, b, false, false), b: () => tf.matMul(dy, a, true, false) };
    } else if (transposeA && !transposeB) {
      return { a: () => tf.matMul(b, dy, false, true), b: () => tf.matMul(a, dy, false, false) };
    }
    return { a: () => tf.matMul(b, dy, true, true), b: () => tf.matMul(dy, a, true, true) };
  },
};
