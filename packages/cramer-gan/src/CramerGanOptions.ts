import { z } from 'zod';

/** The options of the `cramer-gan` objective, validated once when the config is resolved. */
export const CramerGanOptions = z.strictObject({
  /** n, the critic's output: h(x) has n features, whose energy distance the players play on. */
  featureSize: z.number().int().positive().default(256),
  /** lambda of Algorithm 1's penalty lambda E[(||grad f(x_hat)|| - 1)^2]: 10, the paper's default. */
  lambda: z.number().nonnegative().default(10),
});

export type CramerGanOptions = z.output<typeof CramerGanOptions>;
