import { resolve } from 'node:path';
import { z } from 'zod';
import { defineDataSource } from './defineDataSource.js';
import { readDataFile } from './readDataFile.js';
import { empiricalSource } from './empiricalSource.js';
import { ConfigError } from '../config/ConfigError.js';
import { CsvRowError, parseCsvRows } from '../samples/parseCsvRows.js';

const optionsSchema = z.strictObject({
  /** The file; a relative path resolves against the config's directory. */
  path: z.string().min(1),
  /** 'auto' skips a first line that does not parse as numbers; true/false force it. */
  header: z.union([z.literal('auto'), z.boolean()]).default('auto'),
  delimiter: z.string().min(1).default(','),
});

/** The largest finite float32; a value past it would train as Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * The widest CSV row: one sample is one vector, and every layer of the networks is as wide;
 * 65,536 is past any vector dataset (MNIST is 784) and far below what exhausts memory.
 */
const MAX_CSV_COLUMNS = 65_536;

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
    let parsed: ReturnType<typeof parseCsvRows>;
    try {
      parsed = parseCsvRows(text, { delimiter, header, maxAbs: FLOAT32_MAX, maxColumns: MAX_CSV_COLUMNS });
    } catch (error) {
      if (!(error instanceof CsvRowError)) throw error;
      const { kind, line, expected } = error;
      if (kind === 'columns')
        throw fail(
          ` line ${String(line)}: more than ${String(MAX_CSV_COLUMNS)} columns; a CSV row is one sample vector (images go in a .npy file)`,
        );
      if (kind === 'numbers')
        throw fail(
          ` line ${String(line)}: expected numbers separated by ${quote(delimiter)}, got ${quote(error.text)}`,
        );
      if (kind === 'row')
        throw fail(
          ` line ${String(line)}: expected ${String(expected)} number${expected === 1 ? '' : 's'}, got ${quote(error.text)}`,
        );
      const cell = error.text.split(delimiter)[expected - 1]?.trim() ?? '';
      throw fail(
        ` line ${String(line)} column ${String(expected)}: ${cell} is outside float32's finite range (|x| <= 3.4028235e38)`,
      );
    }
    const { rows, width, values, sawHeader } = parsed;
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
