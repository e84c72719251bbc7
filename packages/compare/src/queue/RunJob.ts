import type { RunResult } from '../RunResult.js';

/** A queued run: the run directory `directory` of the compare directory `compare` (absolute, on the shared run root). */
export interface RunJobData {
  readonly compare: string;
  /** The run's place in compare.json's runs. */
  readonly index: number;
  readonly directory: string;
}

/** How a queued run ended, as its job returns it (a failed run is a result, not a failed job). */
export type RunJobResult = Pick<RunResult, 'status' | 'iteration' | 'seconds' | 'message'>;

/** A run job's progress: its last iteration and figures, as compare's progress lines show them. */
export interface RunJobProgress {
  readonly iteration: number;
  readonly estimate?: number;
  readonly w1?: number;
}

/** The report job of a queued compare: it runs once every run job has ended. */
export interface ReportJobData {
  readonly compare: string;
}

/** What the report job returns: every run's result in plan order (null: its job failed without one), and the report's files. */
export interface ReportJobResult {
  readonly results: readonly RunJobResult[];
  readonly report: { readonly html: string; readonly table: string } | null;
}
