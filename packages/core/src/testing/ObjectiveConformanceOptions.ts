import type { IpmPlugin } from '../plugins/IpmPlugin.js';

/** What a plugin tells the conformance kit about the objective under test. */
export interface ObjectiveConformanceOptions {
  readonly plugin: IpmPlugin;
  /** The objective's id; default: the plugin's only objective. */
  readonly objective?: string;
  /** The objective's options for every test (default `{}`). */
  readonly options?: Record<string, unknown>;
  /**
   * Options the schema must reject; the error must name the first key, e.g.
   * `{ generatorLoss: 'bogus' }` or, for a schema without options, `{ clip: 0.01 }`.
   */
  readonly badOptions: Record<string, unknown>;
  /**
   * What the estimate is on identical real and fake samples:
   * - `exact`: exactly 0 on the same batch, for any critic (IPMs: E[f(x)] - E[f(x)]; plug-in estimators);
   * - `expectation`: 0 on average over independent batches of one distribution (unbiased estimators);
   * - `lowerBound`: at most 0 for any critic, and 0 once the critic is optimal (variational
   *   lower bounds such as the GAN's JS bound).
   * Default `exact`.
   */
  readonly estimateOnIdentical?: 'exact' | 'expectation' | 'lowerBound';
  /** Allowed |estimate| for `expectation` and `lowerBound` (default 0.02). */
  readonly tolerance?: number;
}
