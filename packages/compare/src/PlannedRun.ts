import type { ResolvedConfig } from '@ipmgan/core/engine';

/** One objective x sweep setting x seed of a compare, resolved and validated before any run starts. */
export interface PlannedRun {
  /** The run's label in the report: `objective`, then `-<setting label>` under a sweep (`wgan-clip=0.01`). */
  readonly label: string;
  /** The objective's label: its id, or `<id>-<index>` when the list names it twice. */
  readonly objective: string;
  /** The swept paths' values of this run (compare.sweep); empty without a sweep. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly config: ResolvedConfig;
  /** The run directory, `<compare dir>/<label>-seed<seed>`. */
  readonly directory: string;
}
