/** What the watch page shows of one run: its row in the runs table and where its curves come from. */
export interface RunView {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly seed: number | null;
  readonly settings: Readonly<Record<string, unknown>>;
  /**
   * running: metrics.jsonl grew recently; finished: the last iteration reached; stopped, diverged,
   * failed: as compare.json recorded the end; queued: nothing written yet; stalled: no line for a
   * while without a recorded end (a train process stopped or killed); unreadable: see `message`.
   */
  readonly state: 'queued' | 'running' | 'finished' | 'stopped' | 'diverged' | 'failed' | 'stalled' | 'unreadable';
  readonly message?: string;
  readonly iteration: number;
  readonly target: number;
  /** Iterations per second over the last logged lines; null before two lines. */
  readonly rate: number | null;
  /** Seconds to the target at `rate`, while running. */
  readonly eta: number | null;
  readonly objective: string;
  readonly data: string;
  /** The objective's estimate: its name (W1 for WGAN, a penalised critic gap for WGAN-GP...) and last value. */
  readonly estimateName: string;
  readonly estimate: number | null;
  /** The last exact W1 of an evaluation. */
  readonly w1: number | null;
  /** Iterations of the sample files, ascending. */
  readonly samples: readonly number[];
  /** Iteration of the latest checkpoint. */
  readonly checkpoint: number | null;
}
