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
}
