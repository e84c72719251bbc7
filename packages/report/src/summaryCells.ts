import { formatMeanSe } from './formatMeanSe.js';
import { SUMMARY_COLUMNS } from './SUMMARY_COLUMNS.js';
import type { SummaryRow } from './SummaryRow.js';

/** The metrics table as text cells: a header row, then one row per objective. */
export function summaryCells(rows: readonly SummaryRow[]): string[][] {
  const header = ['objective', 'estimate', 'seeds', ...SUMMARY_COLUMNS.map((c) => c.header)];
  return [
    header,
    ...rows.map((row) => [
      row.label,
      row.estimateName,
      `${row.seeds.length} (${row.seeds.join(', ')})`,
      ...SUMMARY_COLUMNS.map((c) => formatMeanSe(row.cells[c.key])),
    ]),
  ];
}
