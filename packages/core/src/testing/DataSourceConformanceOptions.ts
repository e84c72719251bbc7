import type { IpmPlugin } from '../plugins/IpmPlugin.js';

/** What a plugin tells the data source conformance kit about the source under test. */
export interface DataSourceConformanceOptions {
  readonly plugin: IpmPlugin;
  /** The data source's id; default: the plugin's only data source. */
  readonly data?: string;
  /** Options that build the source (default `{}`; a file-backed source names its fixture here). */
  readonly options?: Record<string, unknown>;
  /** Directory relative paths in `options` resolve against (default: the working directory). */
  readonly baseDir?: string;
  /**
   * Whether the source is a Gaussian mixture that declares its `modes` (default false). With
   * it, the kit checks the declared centres and std against samples; without, that the
   * source declares none.
   */
  readonly mixture?: boolean;
  /** Options the schema must reject; the error must name the first key, e.g. `{ std: -1 }`. */
  readonly badOptions: Record<string, unknown>;
}
