import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { fallbackTo } from './fallbackTo.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * BatchMatMul by OpenBLAS sgemm, any transposes (sgemm reads op(a), op(b) in place), batched
 * or with one side broadcast over the batch. Falls back to wasm for non-float32 inputs, empty
 * outputs and batch shapes that broadcast on both sides.
 */
export const batchMatMul: NativeKernel = replacingKernel(tf.BatchMatMul, (addon, fallback) => (args) => {
  const { a, b } = args.inputs as tf.BatchMatMulInputs;
  const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
  if (a === undefined || b === undefined) throw new Error('BatchMatMul expects inputs a and b.');
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) {
    return fallbackTo(fallback, args);
  }
  const [aRows = 0, aCols = 0] = a.shape.slice(-2);
  const [bRows = 0, bCols = 0] = b.shape.slice(-2);
  const m = transposeA ? aCols : aRows;
  const k = transposeA ? aRows : aCols;
  const n = transposeB ? bRows : bCols;
  if ((transposeB ? bCols : bRows) !== k) return fallbackTo(fallback, args); // wasm's error message
  const aBatch = product(a.shape.slice(0, -2));
  const bBatch = product(b.shape.slice(0, -2));
  const outer = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const batch = product(outer);
  // Each side is the whole batch (same index) or a single matrix; anything else is wasm's.
  const sideOk = (size: number): boolean => size === batch || size === 1;
  if (!sideOk(aBatch) || !sideOk(bBatch) || batch * m * n === 0 || k === 0) {
    return fallbackTo(fallback, args);
  }
  const [out] = runOnHeap(args.backend, [[...outer, m, n]], (heap, at, [c]) => {
    addon.batchMatMul(
      heap,
      batch,
      m,
      n,
      k,
      transposeA ? 1 : 0,
      transposeB ? 1 : 0,
      at(a),
      aBatch === 1 ? 0 : m * k,
      at(b),
      bBatch === 1 ? 0 : k * n,
      at(c),
    );
  });
  return out;
});
