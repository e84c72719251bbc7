import { SUMMARY_COLUMNS, type SummaryColumnKey } from './SUMMARY_COLUMNS.js';
import { summaryCells } from './summaryCells.js';
import type { SummaryRow } from './SummaryRow.js';

/** The columns a terminal shows first when not all fit: distance to the data, mode spread, the critic's K, the estimate's meaning, cost. */
const FIRST: readonly SummaryColumnKey[] = [
  'w1',
  'massKl',
  'modesCovered',
  'lipschitz',
  'meaningfulLoss',
  'msPerIteration',
];

function seedCount(row: SummaryRow): string {
  const total = row.seeds.length + row.unfinished.length;
  return row.unfinished.length === 0 ? String(total) : `${String(row.seeds.length)} of ${String(total)}`;
}

// Cells hold only BMP characters (±, —, ², ρ), so .length counts what the terminal shows.
/**
 * The metrics table for a terminal, at most `width` columns wide: objective, the name of its
 * estimate, seeds (finished of all), then the metric columns that some row has, the most telling first while they fit, in
 * report order; a last line counts the columns left to report.md. Text left, numbers right.
 */
export function formatSummaryTable(rows: readonly SummaryRow[], width = 100): string {
  const [header = [], ...body] = summaryCells(rows);
  const keys: (string | undefined)[] = header.map((_, j) => SUMMARY_COLUMNS[j - 3]?.key);
  const metricColumns = header.map((_, j) => j).filter((j) => j >= 3 && body.some((row) => row[j] !== 'n/a'));
  const rank = (j: number): number => {
    const first = FIRST.indexOf(keys[j] as SummaryColumnKey);
    return first === -1 ? FIRST.length + j : first;
  };
  // Each objective's own distance is named beside it: the estimates differ, and the table says how.
  const columns: { readonly cells: string[]; readonly right: boolean }[] = [
    { cells: [header[0] ?? '', ...body.map((row) => row[0] ?? '')], right: false },
    { cells: [header[1] ?? '', ...body.map((row) => row[1] ?? '')], right: false },
    { cells: ['seeds', ...rows.map(seedCount)], right: true },
  ];
  const widthOf = (cells: readonly string[]): number => Math.max(...cells.map((c) => c.length));
  let used = columns.reduce((sum, c) => sum + widthOf(c.cells), 2 * (columns.length - 1));
  const shown = new Set<number>();
  for (const j of [...metricColumns].sort((a, b) => rank(a) - rank(b))) {
    const cells = [header[j] ?? '', ...body.map((row) => row[j] ?? '')];
    if (used + 2 + widthOf(cells) > width) continue;
    used += 2 + widthOf(cells);
    shown.add(j);
  }
  for (const j of metricColumns)
    if (shown.has(j)) columns.push({ cells: [header[j] ?? '', ...body.map((row) => row[j] ?? '')], right: true });
  const widths = columns.map((c) => widthOf(c.cells));
  const line = (i: number): string =>
    columns
      .map((column, j) => {
        const cell = column.cells[i] ?? '';
        const pad = ' '.repeat((widths[j] ?? 0) - cell.length);
        return column.right ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const hidden = metricColumns.length - shown.size;
  return [
    line(0),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map((_, i) => line(i + 1)),
    ...(hidden > 0 ? [`(${String(hidden)} more column${hidden === 1 ? '' : 's'} in the report)`] : []),
  ].join('\n');
}
