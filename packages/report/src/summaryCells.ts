import { formatMeanSe } from './formatMeanSe.js';
import { SUMMARY_COLUMNS } from './SUMMARY_COLUMNS.js';
import type { SummaryRow } from './SummaryRow.js';

/** The custom metric names of a summary, in column order. */
export function customColumns(rows: readonly SummaryRow[]): string[] {
  return [...new Set(rows.flatMap((row) => Object.keys(row.custom)))];
}

/** `2 (1, 2)`; with unfinished runs `1 of 2 (1; seed 2 failed at 37)`, so a failure never reads as a seed fewer. */
function seedsCell(row: SummaryRow): string {
  const finished = row.seeds.join(', ');
  if (row.unfinished.length === 0) return `${String(row.seeds.length)} (${finished})`;
  const others = row.unfinished.map((u) => `seed ${String(u.seed)} ${u.state} at ${String(u.iteration)}`);
  const total = row.seeds.length + row.unfinished.length;
  return `${String(row.seeds.length)} of ${String(total)} (${[...(finished ? [finished] : []), ...others].join('; ')})`;
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
      seedsCell(row),
      ...SUMMARY_COLUMNS.map((c) => formatMeanSe(row.cells[c.key])),
      ...custom.map((name) => formatMeanSe(row.custom[name] ?? null)),
    ]),
  ];
}
