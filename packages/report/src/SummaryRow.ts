import type { MeanSe } from './MeanSe.js';
import type { RunStatus } from './ReportRun.js';
import type { SummaryColumnKey } from './SUMMARY_COLUMNS.js';

/** One objective of a comparison: each column's mean and standard error over its seeds (null: no run has it). */
export interface SummaryRow {
  /** The objective id. */
  readonly label: string;
  /** The objective's estimate, e.g. "W1*K". */
  readonly estimateName: string;
  /** The seeds of the finished runs, whose metrics the cells summarise. */
  readonly seeds: readonly number[];
  /** The label's runs that did not finish (failed, killed, stopped, never started): not in the cells. */
  readonly unfinished: readonly (RunStatus & { readonly seed: number })[];
  readonly cells: Readonly<Record<SummaryColumnKey, MeanSe | null>>;
  /** Metrics a hook's evaluate() recorded, by name (the same names in every row of a summary). */
  readonly custom: Readonly<Record<string, MeanSe | null>>;
}
