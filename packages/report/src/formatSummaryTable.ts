import { summaryCells } from './summaryCells.js';
import type { SummaryRow } from './SummaryRow.js';

// Cells hold only BMP characters (±, —, ², ρ), so .length counts what the terminal shows.
/** The metrics table for a terminal: columns padded to one width, text left, numbers right, a rule under the header. */
export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  const cells = summaryCells(rows);
  const widths = (cells[0] ?? []).map((_, j) => Math.max(...cells.map((row) => (row[j] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, j) => {
        const pad = ' '.repeat((widths[j] ?? 0) - cell.length);
        return j < 3 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  const [header = [], ...body] = cells;
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
