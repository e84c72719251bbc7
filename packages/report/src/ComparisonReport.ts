import type { ReportFiles } from './ReportFiles.js';
import type { SummaryRow } from './SummaryRow.js';

/** A comparison's files, its metrics table rows and the same table as aligned text for the terminal. */
export interface ComparisonReport extends ReportFiles {
  readonly rows: readonly SummaryRow[];
  readonly table: string;
}
