/** How a comparison's run ended, when it did not finish (or to say that it did). */
export interface RunStatus {
  readonly state: 'finished' | 'stopped' | 'diverged' | 'failed' | 'not started';
  /** Generator iterations completed. */
  readonly iteration: number;
  /** Why it failed or diverged. */
  readonly message?: string;
}

/** One run of a comparison. */
export interface ReportRun {
  /** The objective id. */
  readonly label: string;
  readonly seed: number;
  /** A run directory (config.resolved.json, metrics.jsonl, samples/). */
  readonly directory: string;
  /** Absent or finished: the run's metrics enter the tables; otherwise it is listed with its state and error. */
  readonly status?: RunStatus;
}
