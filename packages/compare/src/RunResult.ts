import type { PlannedRun } from './PlannedRun.js';

/** How one run of a compare ended. */
export interface RunResult {
  readonly run: PlannedRun;
  readonly status: 'finished' | 'stopped' | 'diverged' | 'failed';
  /** Generator iterations completed (the last one seen for a failed run). */
  readonly iteration: number;
  readonly seconds: number;
  /** Why a run diverged or failed. */
  readonly message?: string;
  /** The child exited without saying how the run ended (killed, out of memory): a queue retries such a run. */
  readonly crashed?: boolean;
}
