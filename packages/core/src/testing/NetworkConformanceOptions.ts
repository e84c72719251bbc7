import type { IpmPlugin } from '../plugins/IpmPlugin.js';

/** What a plugin tells the network conformance kit about the network under test. */
export interface NetworkConformanceOptions {
  readonly plugin: IpmPlugin;
  /** The network's id; default: the plugin's only network. */
  readonly network?: string;
  /** Options that build the network (default `{}`); keep it small, the kit builds it a dozen times. */
  readonly options?: Record<string, unknown>;
  /** Per-sample input and output shapes it is built for, e.g. [2] and [1]. */
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  /** Options the schema must reject; the error must name the first key, e.g. `{ hidden: [0] }`. */
  readonly badOptions: Record<string, unknown>;
}
