/** One setting of a sweep: the value of each swept path, and the run label made of them. */
export interface SweepSetting {
  /** Path -> value, in the sweep's path order. */
  readonly values: Readonly<Record<string, unknown>>;
  /** `clip=0.01_nCritic=5` (sweepLabel). */
  readonly label: string;
  /** Where this setting comes from, for error messages: `compare.sweep.list.2` or `compare.sweep.grid`. */
  readonly field: string;
  /** Every path of the sweep, in order (for labels of a subset of the values). */
  readonly paths: readonly string[];
}
