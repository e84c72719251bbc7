import { z } from 'zod';
import type { ConstraintExtension } from '../contracts/Extension.js';
import { tf } from '../tensorflow.js';

const WeightClippingOptions = z.strictObject({
  /** c in Algorithm 1: every critic weight and bias is clipped to [-c, c]. */
  clip: z.number().positive().default(0.01),
});

/** Algorithm 1, line 8: w <- clip(w, -c, c) after each critic step. */
export const weightClipping: ConstraintExtension<z.output<typeof WeightClippingOptions>> = {
  kind: 'constraint',
  id: 'weight-clipping',
  aliases: ['clip'],
  description: 'Clip every critic weight and bias to [-clip, clip] after each critic step (WGAN, Algorithm 1).',
  optionsSchema: WeightClippingOptions,
  create: ({ clip }) => ({
    id: 'weight-clipping',
    afterCriticStep(critic) {
      tf.tidy(() => {
        for (const v of critic.trainableVariables) v.assign(tf.clipByValue(v, -clip, clip));
      });
    },
  }),
};
