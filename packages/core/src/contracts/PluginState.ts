import type { tf } from '../tensorflow.js';

/** A value JSON.stringify writes and JSON.parse reads back unchanged. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * State a constraint, objective or hook declares so that checkpoints save it and resume
 * restores it: spectral normalisation's power-iteration vectors, a weight average, a counter.
 * `tensors` are variables the plugin owns (it creates them, the run disposes them); resume
 * assigns the saved values in place, so keep the same names and shapes across processes.
 * `save` returns JSON that `restore` later receives unchanged.
 */
export interface PluginState {
  readonly tensors?: Readonly<Record<string, tf.Variable>>;
  save?(): JsonValue;
  restore?(saved: JsonValue): void;
}
