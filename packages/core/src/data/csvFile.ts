import { resolve } from 'node:path';
import { z } from 'zod';
import { defineDataSource } from './defineDataSource.js';
import { readDataFile } from './readDataFile.js';
import { empiricalSource } from './empiricalSource.js';
import { ConfigError } from '../config/ConfigError.js';

const optionsSchema = z.strictObject({
  /** The file; a relative path resolves against the config's directory. */
  path: z.string().min(1),
  /** 'auto' skips a first line that does not parse as numbers; true/false force it. */
  header: z.union([z.literal('auto'), z.boolean()]).default('auto'),
  delimiter: z.string().min(1).default(','),
});

// A plain decimal number: no hex, no Infinity/NaN, no empty cell (Number('') is 0).
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The largest finite float32; a value past it would train as Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;

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
 * The widest CSV row: one sample is one vector, and every layer of the networks is as wide;
 * 65,536 is past any vector dataset (MNIST is 784) and far below what exhausts memory.
 */
const MAX_CSV_COLUMNS = 65_536;

/** The number of cells of `line`, counted without splitting it. */
function columns(line: string, delimiter: string): number {
  let count = 1;
  for (let at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, at + delimiter.length)) count++;
  return count;
}

function quote(line: string): string {
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 77)}...` : line);
}

/** The user's own vectors, one per line of a delimited text file. */
export const csvFile = defineDataSource({
  kind: 'data',
  id: 'csv',
  description:
    'Rows of a CSV file (one numeric vector per line, all the same length), drawn uniformly with replacement.',
  optionsSchema,
  create: async ({ path, header, delimiter }, { baseDir }) => {
    const fail = (what: string): Error => new ConfigError(`data.options.path: ${path}${what}`);
    const text = (await readDataFile(resolve(baseDir, path), (what) => fail(`: ${what}`))).toString('utf8');
    // Line numbers count every physical line, blank ones included, so they match an editor.
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const values: number[] = [];
    let width = 0;
    let rows = 0;
    let sawHeader = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.trim() === '') continue;
      const lineNo = i + 1;
      const isFirst = rows === 0 && !sawHeader;
      const row = header === true && isFirst ? undefined : parseRow(line, delimiter);
      if (isFirst && (header === true || (header === 'auto' && row === undefined))) {
        sawHeader = true;
        continue;
      }
      if (rows === 0) {
        if (columns(line, delimiter) > MAX_CSV_COLUMNS)
          throw fail(
            ` line ${lineNo}: more than ${String(MAX_CSV_COLUMNS)} columns; a CSV row is one sample vector (images go in a .npy file)`,
          );
        if (row === undefined) {
          throw fail(` line ${lineNo}: expected numbers separated by ${quote(delimiter)}, got ${quote(line)}`);
        }
        width = row.length;
      }
      if (row === undefined || row.length !== width) {
        throw fail(` line ${lineNo}: expected ${width} number${width === 1 ? '' : 's'}, got ${quote(line)}`);
      }
      const outside = row.findIndex((v) => Math.abs(v) > FLOAT32_MAX);
      if (outside >= 0) {
        const cell = line.split(delimiter)[outside]?.trim() ?? '';
        throw fail(
          ` line ${lineNo} column ${outside + 1}: ${cell} is outside float32's finite range (|x| <= 3.4028235e38)`,
        );
      }
      // One at a time: a spread of a very wide row would overflow the call stack.
      for (const v of row) values.push(v);
      rows++;
    }
    if (rows === 0) {
      throw fail(
        sawHeader
          ? ': no data rows after the header line'
          : ': the file is empty (expected one numeric vector per line)',
      );
    }
    return empiricalSource(
      'csv',
      [width],
      Float32Array.from(values),
      `uniform with replacement over the ${rows} rows (${width} columns) of ${path}`,
    );
  },
});
