import { tf } from '../tensorflow.js';

/**
 * The two 2-D batches the trainer's hand-derived critic-step specs use: real {(1, 2), (3, -1)}
 * and fake {(0, 1), (-2, 2)}, whose means differ by m_r - m_f = (2, 0.5) - (-1, 1.5) = (3, -1),
 * so a linear critic's estimate and gradients can be written out by hand.
 */
export const handBatches = {
  real: [
    [1, 2],
    [3, -1],
  ],
  fake: [
    [0, 1],
    [-2, 2],
  ],
  meanDifference: [3, -1] as const,
  /** Fresh tensors of both batches, the shape criticStep's draw returns. */
  tensors: (): { real: tf.Tensor2D; fake: tf.Tensor2D } => ({
    real: tf.tensor2d(handBatches.real),
    fake: tf.tensor2d(handBatches.fake),
  }),
};
