import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { ConfigError } from '../config/ConfigError.js';
import { parseNpy } from '../data/parseNpy.js';
import type { Points } from './Points.js';

// A plain decimal number, as writeSamples writes them: no NaN, Infinity or empty cell.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function clip(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}

function parseCsv(text: string, fail: (what: string) => ConfigError): Points {
  const values: number[] = [];
  let dim = -1;
  let n = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cells = line.split(',').map((c) => c.trim());
    const row = cells.map(Number);
    if (cells.some((c) => !NUMBER.test(c)) || row.some((v) => !Number.isFinite(v))) {
      throw fail(`line ${i + 1}: expected finite numbers separated by commas, got ${clip(line)}`);
    }
    if (dim === -1) dim = row.length;
    if (row.length !== dim) throw fail(`line ${i + 1}: expected ${dim} numbers like line 1, got ${row.length}`);
    values.push(...row);
    n++;
  }
  if (n === 0) throw fail('the file is empty (expected one sample per line, comma-separated numbers)');
  return { n, dim, data: Float64Array.from(values) };
}

function parseNpyPoints(bytes: Uint8Array, fail: (what: string) => ConfigError): Points {
  let parsed: ReturnType<typeof parseNpy>;
  try {
    parsed = parseNpy(bytes);
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  const { shape, data } = parsed;
  const [n, ...rest] = shape;
  if (n === undefined || n === 0 || rest.includes(0)) {
    throw fail(`expected a non-empty array [n, ...sampleShape], got shape [${shape.join(', ')}]`);
  }
  const bad = data.findIndex((v) => !Number.isFinite(v));
  const dim = rest.reduce((a, b) => a * b, 1);
  if (bad >= 0) throw fail(`sample ${Math.floor(bad / dim)} contains ${data[bad]} (expected finite numbers)`);
  return { n, dim, data };
}

/**
 * Reads a sample file into {@link Points}: `.csv` with one sample per line (comma-separated
 * numbers, no header, as writeSamples writes) or `.npy` ('<f4'/'<f8', shape [n, ...sampleShape],
 * each sample flattened; shape [n] is n one-dimensional samples). Non-finite values are
 * rejected. A bad file throws a ConfigError naming the file and what was expected.
 */
export function readSamples(path: string): Points {
  const fail = (what: string): ConfigError => new ConfigError(`${path}: ${what}`);
  const npy = path.endsWith('.npy');
  if (!npy && !path.endsWith('.csv')) throw fail('expected a .csv or .npy sample file');
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // Opened without blocking and checked before reading: a FIFO would block forever, a device never end.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) throw fail('not a regular file; expected a .csv or .npy sample file');
    bytes = readFileSync(fd);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw fail(`cannot read the file (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return npy ? parseNpyPoints(bytes, fail) : parseCsv(bytes.toString('utf8'), fail);
}
