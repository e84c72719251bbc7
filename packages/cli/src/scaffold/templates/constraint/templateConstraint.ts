import { tf, type ConstraintExtension } from '@ipmgan/core';
import { z } from 'zod';

const TemplateConstraintOptions = z.strictObject({
  /** r: every layer's kernel is kept in the Frobenius ball ||W||_F <= r. */
  radius: z.number().positive().default(1),
});

/**
 * After each critic step, W <- W * min(1, r / ||W||_F) for every layer's kernel (biases stay
 * free). A constraint may instead (or also) add a `penalty` to the critic loss or
 * `reparametrise` each kernel inside the forward pass; random draws come from the context's
 * `rng` and persistent values go in `state` (see ipmgan's docs/plugin-contract.md).
 */
export const templateConstraint: ConstraintExtension<z.output<typeof TemplateConstraintOptions>> = {
  kind: 'constraint',
  id: 'template-constraint',
  description: 'Project every critic kernel onto the Frobenius ball of radius r after each critic step.',
  optionsSchema: TemplateConstraintOptions,
  create: ({ radius }) => ({
    id: 'template-constraint',
    afterCriticStep(critic) {
      tf.tidy(() => {
        for (const { kernel } of critic.layers)
          kernel.assign(tf.mul(kernel, tf.minimum(1, tf.div(radius, tf.norm(kernel)))));
      });
    },
  }),
};
