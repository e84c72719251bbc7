/** One run of a comparison. */
export interface ReportRun {
  /** The objective id. */
  readonly label: string;
  readonly seed: number;
  /** A run directory (config.resolved.json, metrics.jsonl, samples/). */
  readonly directory: string;
}
