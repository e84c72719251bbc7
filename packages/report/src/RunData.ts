import type { MetricsRecord, ResolvedConfig, RunAmendment } from '@ipmgan/core/engine';

/** One sample file of a run: vectors (CSV, one row per sample) or images (.npy [n, h, w, c]). */
export interface SampleFile {
  readonly iteration: number;
  readonly path: string;
  readonly format: 'csv' | 'npy';
}

/** What a report reads from one run directory. */
export interface RunData {
  readonly label: string;
  readonly seed: number;
  readonly directory: string;
  /** The config in effect at the end of the run (config.resolved.json with its amendments applied). */
  readonly config: ResolvedConfig;
  /** Changes made when the run was resumed (amendments.json), in order. */
  readonly amendments: readonly RunAmendment[];
  readonly metrics: readonly MetricsRecord[];
  /** Sorted by iteration. */
  readonly samples: readonly SampleFile[];
}
