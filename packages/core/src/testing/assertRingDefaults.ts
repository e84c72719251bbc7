import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import { resolveConfig } from '../config/resolveConfig.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';

/** The assertions the check needs: ava's `t` fits it. */
interface EqualAssertions {
  is(actual: unknown, expected: unknown): unknown;
  deepEqual(actual: unknown, expected: unknown): unknown;
}

/** An objective's paper settings as its resolved config on ring8 must carry them. */
export interface RingDefaults {
  readonly batchSize: number;
  readonly nCritic: number;
  /** Both players' optimizer, every field (the schema's defaults included). */
  readonly optimizer: Readonly<Record<string, unknown>>;
  readonly constraints: readonly unknown[];
  /** The objective's options after defaults; unchecked when absent. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The package the objective resolves to. */
  readonly package: string;
  /** A features critic's form and width; unchecked when absent. */
  readonly critic?: { readonly form: string; readonly features: number };
}

/**
 * Resolves `{ objective: { name: objective }, data: ring8 }` with `plugins` and checks that
 * the defaults are the paper's: batch size, constant schedule, both optimizers, the critic's
 * constraints, the options and the owning package. Returns the config for further checks.
 */
export function assertRingDefaults(
  t: EqualAssertions,
  objective: string,
  plugins: readonly IpmPlugin[],
  expected: RingDefaults,
): ResolvedConfig {
  const config = resolveConfig({ objective: { name: objective }, data: { name: 'ring8' } }, plugins);
  t.is(config.training.batchSize, expected.batchSize);
  t.deepEqual(config.training.schedule, { type: 'constant', nCritic: expected.nCritic });
  t.deepEqual(config.training.optimizers, { critic: expected.optimizer, generator: expected.optimizer });
  t.deepEqual(config.critic?.constraints, expected.constraints);
  if (expected.options) t.deepEqual(config.objective.options, expected.options);
  t.is(config.objective.package, expected.package);
  if (expected.critic) {
    t.is(config.critic?.form, expected.critic.form);
    t.is(config.critic?.features, expected.critic.features);
  }
  return config;
}
