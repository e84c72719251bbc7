import { tf } from '../tensorflow.js';

// Swaps the two innermost axes; batch axes (rank 3+) stay in place.
function transposeInner(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const last = perm.length - 1;
  perm[last] = last - 1;
  perm[last - 1] = last;
  return tf.transpose(x, perm);
}

// Rows and columns of x as stored (its two innermost axes).
function innerDims(x: tf.Tensor): [number, number] {
  const [rows, cols] = x.shape.slice(-2);
  if (rows === undefined || cols === undefined) {
    throw new Error(`BatchMatMul gradient: rank ${x.rank} < 2.`);
  }
  return [rows, cols];
}

// op(x) · op(y), op being an optional transpose, with plain matMuls only.
// Either transpose the operands that need it, or use op(x)·op(y) =
// (op(y)ᵀ·op(x)ᵀ)ᵀ, which transposes the others and the output; pick the one
// that copies fewer elements (for dy·Wᵀ: dy and the output, not the weights).
function matMulExplicit(x: tf.Tensor, y: tf.Tensor, transposeX: boolean, transposeY: boolean): tf.Tensor {
  const [xRows, xCols] = innerDims(x);
  const [yRows, yCols] = innerDims(y);
  const xSize = xRows * xCols;
  const ySize = yRows * yCols;
  const outSize = (transposeX ? xCols : xRows) * (transposeY ? yRows : yCols);

  const direct = (transposeX ? xSize : 0) + (transposeY ? ySize : 0);
  const swapped = (transposeX ? 0 : xSize) + (transposeY ? 0 : ySize) + outSize;
  if (direct <= swapped) {
    return tf.matMul(transposeX ? transposeInner(x) : x, transposeY ? transposeInner(y) : y);
  }
  return transposeInner(tf.matMul(transposeY ? y : transposeInner(y), transposeX ? x : transposeInner(x)));
}

/**
 * Gradient of BatchMatMul, equal in value to tfjs-core's
 * `batchMatMulGradConfig`, but without transpose flags: the wasm backend in
 * tfjs 4.22 only hands flag-free, unbatched matMuls to XNNPACK and runs the
 * rest in a naive loop that is 10-30x slower, while a transpose is a cheap
 * copy. (Batched matMuls take the naive loop either way.)
 */
export const batchMatMulGradConfig: tf.GradConfig = {
  kernelName: tf.BatchMatMul,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved, attrs) => {
    const [a, b] = saved;
    if (a === undefined || b === undefined || Array.isArray(dy)) {
      throw new Error('BatchMatMul gradient expects saved a, b and one dy.');
    }
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;

    // Same case split as the original gradient: each line is the original
    // matMul(x, y, flagX, flagY) with the flags turned into explicit transposes.
    if (!transposeA && !transposeB) {
      return {
        a: () => matMulExplicit(dy, b, false, true),
        b: () => matMulExplicit(a, dy, true, false),
      };
    } else if (!transposeA && transposeB) {
      return {
        a: () => matMulExplicit(dy, b, false, false),
        b: () => matMulExplicit(dy, a, true, false),
      };
    } else if (transposeA && !transposeB) {
      return {
        a: () => matMulExplicit(b, dy, false, true),
        b: () => matMulExplicit(a, dy, false, false),
      };
    }
    return {
      a: () => matMulExplicit(b, dy, true, true),
      b: () => matMulExplicit(dy, a, true, true),
    };
  },
};
