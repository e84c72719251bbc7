import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import type { WasmBackendInternals } from '../WasmBackendInternals.js';
import { fallbackTo } from './fallbackTo.js';
import { replacingKernel } from './replacingKernel.js';

/**
 * Identity without a copy: the output shares the input's data and takes a reference on it,
 * as tfjs's cpu backend does (wasm 4.22 copies). Safe because no kernel writes its inputs.
 */
export const identity: NativeKernel = replacingKernel(tf.Identity, (_addon, fallback) => (args) => {
  const { x } = args.inputs as tf.IdentityInputs;
  if (x === undefined) throw new Error('Identity expects input x.');
  if (x.dtype === 'string') return fallbackTo(fallback, args);
  (args.backend as WasmBackendInternals).incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
});
