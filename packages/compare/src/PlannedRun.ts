import type { ResolvedConfig } from '@ipmgan/core';

/** One objective x seed of a compare, resolved and validated before any run starts. */
export interface PlannedRun {
  /** The objective's label in the report: its id, or `<id>-<index>` when the list names it twice. */
  readonly label: string;
  readonly seed: number;
  readonly config: ResolvedConfig;
  /** The run directory, `<compare dir>/<label>-seed<seed>`. */
  readonly directory: string;
}
