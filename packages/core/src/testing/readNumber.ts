import type { tf } from '../tensorflow.js';
import { readNumbers } from './readNumbers.js';

/** A scalar tensor's value (NaN if it is empty), disposing it. */
export function readNumber(x: tf.Tensor): number {
  return readNumbers(x)[0] ?? Number.NaN;
}
