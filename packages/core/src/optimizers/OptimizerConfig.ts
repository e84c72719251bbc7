import { z } from 'zod';

/**
 * Optimizer settings. RMSProp follows PyTorch (used by the WGAN reference): `decay` is
 * PyTorch's alpha (default 0.99) and epsilon is added after the square root (default
 * 1e-8); tf.train.rmsprop's defaults and formula differ (see TorchRmsProp).
 */
export const OptimizerConfigSchema = z.discriminatedUnion('name', [
  z.strictObject({
    name: z.literal('rmsprop'),
    lr: z.number().nonnegative(),
    decay: z.number().min(0).lt(1).default(0.99),
    epsilon: z.number().positive().default(1e-8),
    momentum: z.number().min(0).lt(1).default(0),
  }),
  z.strictObject({
    name: z.literal('adam'),
    lr: z.number().nonnegative(),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    epsilon: z.number().positive().default(1e-8),
  }),
  z.strictObject({
    name: z.literal('sgd'),
    lr: z.number().nonnegative(),
  }),
]);

export type OptimizerConfig = z.output<typeof OptimizerConfigSchema>;

/** An optimizer entry as written, before defaults (decay, epsilon, betas) are filled in. */
export type OptimizerConfigInput = z.input<typeof OptimizerConfigSchema>;
