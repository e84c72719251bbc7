import { formatMeanSe } from './formatMeanSe.js';
import { SUMMARY_COLUMNS } from './SUMMARY_COLUMNS.js';
import type { SummaryRow } from './SummaryRow.js';

/** The custom metric names of a summary, in column order. */
export function customColumns(rows: readonly SummaryRow[]): string[] {
  return [...new Set(rows.flatMap((row) => Object.keys(row.custom)))];
}

/** The metrics table as text cells: a header row, then one row per objective; custom metrics last, by name. */
export function summaryCells(rows: readonly SummaryRow[]): string[][] {
  const custom = customColumns(rows);
  const header = ['objective', 'estimate', 'seeds', ...SUMMARY_COLUMNS.map((c) => c.header), ...custom];
  return [
    header,
    ...rows.map((row) => [
      row.label,
      row.estimateName,
      `${row.seeds.length} (${row.seeds.join(', ')})`,
      ...SUMMARY_COLUMNS.map((c) => formatMeanSe(row.cells[c.key])),
      ...custom.map((name) => formatMeanSe(row.custom[name] ?? null)),
    ]),
  ];
}
