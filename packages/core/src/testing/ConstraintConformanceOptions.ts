import type { IpmPlugin } from '../plugins/IpmPlugin.js';

/** What a plugin tells the constraint conformance kit about the constraint under test. */
export interface ConstraintConformanceOptions {
  readonly plugin: IpmPlugin;
  /** The constraint's id; default: the plugin's only constraint. */
  readonly constraint?: string;
  /** The constraint's options for every test (default `{}`). */
  readonly options?: Record<string, unknown>;
  /** Options the schema must reject; the error must name the first key, e.g. `{ lambda: -1 }`. */
  readonly badOptions: Record<string, unknown>;
}
