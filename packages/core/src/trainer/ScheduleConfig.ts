import { z } from 'zod';

/**
 * Critic iterations per generator iteration. `constant` is Algorithm 1's n_critic;
 * `wgan-warmup` is the WGAN authors' code: `warmupCritic` iterations for the first
 * `warmupIterations` generator iterations and at every `every`-th one, else n_critic.
 */
export const ScheduleConfigSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant'), nCritic: z.number().int().nonnegative() }),
  z.strictObject({
    type: z.literal('wgan-warmup'),
    nCritic: z.number().int().nonnegative().default(5),
    warmupIterations: z.number().int().nonnegative().default(25),
    warmupCritic: z.number().int().positive().default(100),
    every: z.number().int().positive().default(500),
  }),
]);

export type ScheduleConfig = z.output<typeof ScheduleConfigSchema>;

/** A schedule as written, before defaults are filled in. */
export type ScheduleConfigInput = z.input<typeof ScheduleConfigSchema>;
