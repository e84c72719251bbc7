// A plain decimal number: no hex, no Infinity/NaN, no empty cell (Number('') is 0).
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Why a line of a CSV file was refused; the caller words the message. */
export class CsvRowError extends Error {
  constructor(
    /**
     * 'columns': the first data line has more than `expected` cells; 'numbers': it is not numbers;
     * 'row': a later line is not `expected` numbers; 'range': a value past `maxAbs`.
     */
    readonly kind: 'columns' | 'numbers' | 'row' | 'range',
    /** Counted over every physical line, blank ones included, so it matches an editor. */
    readonly line: number,
    readonly text: string,
    /** The width of the first data line ('row'), the 1-based column ('range') or maxColumns ('columns'). */
    readonly expected: number,
    /** The cells the line has ('row', 'columns'); -1 where a cell is not a number. */
    readonly got: number,
  ) {
    super(`line ${String(line)}: ${kind}`);
  }
}

/** The number of cells of `line`, counted without splitting it. */
function columns(line: string, delimiter: string): number {
  let count = 1;
  for (let at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, at + delimiter.length)) count++;
  return count;
}

function parseRow(line: string, delimiter: string): number[] | undefined {
  const values: number[] = [];
  for (const cell of line.split(delimiter)) {
    const text = cell.trim();
    const value = Number(text);
    // Finite too: 1e999 matches the pattern but overflows to Infinity.
    if (!NUMBER.test(text) || !Number.isFinite(value)) return undefined;
    values.push(value);
  }
  return values;
}

/**
 * The one set of CSV rules for numbers, one vector per line (sample files and the csv data
 * source): a byte-order mark and blank lines are skipped, lines end in LF or CRLF, cells are
 * trimmed, every cell is a plain finite decimal, every row as wide as the first. `header`
 * skips the first non-blank line (true), or skips it only when it is not numbers ('auto');
 * `maxAbs` refuses larger values, `maxColumns` a wider first data line (counted before it is split).
 * A refused line throws a CsvRowError.
 */
export function parseCsvRows(
  text: string,
  options: {
    readonly delimiter: string;
    readonly header: boolean | 'auto';
    readonly maxAbs?: number;
    readonly maxColumns?: number;
  },
): { readonly rows: number; readonly width: number; readonly values: number[]; readonly sawHeader: boolean } {
  const { delimiter, header, maxAbs = Infinity, maxColumns = Infinity } = options;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const values: number[] = [];
  let width = 0;
  let rows = 0;
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const isFirst = rows === 0 && !sawHeader;
    const row = header === true && isFirst ? undefined : parseRow(line, delimiter);
    if (isFirst && (header === true || (header === 'auto' && row === undefined))) {
      sawHeader = true;
      continue;
    }
    if (rows === 0) {
      const count = columns(line, delimiter);
      if (count > maxColumns) throw new CsvRowError('columns', i + 1, line, maxColumns, count);
      if (row === undefined) throw new CsvRowError('numbers', i + 1, line, 0, -1);
      width = row.length;
    }
    if (row === undefined || row.length !== width)
      throw new CsvRowError('row', i + 1, line, width, row === undefined ? -1 : row.length);
    const outside = row.findIndex((v) => Math.abs(v) > maxAbs);
    if (outside >= 0) throw new CsvRowError('range', i + 1, line, outside + 1, row.length);
    // One at a time: a spread of a very wide row would overflow the call stack.
    for (const v of row) values.push(v);
    rows++;
  }
  return { rows, width, values, sawHeader };
}
