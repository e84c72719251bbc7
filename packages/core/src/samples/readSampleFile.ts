import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { ConfigError } from '../config/ConfigError.js';
import { parseNpy } from '../data/parseNpy.js';
import { CsvRowError, parseCsvRows } from './parseCsvRows.js';
import type { SampleArray } from './SampleArray.js';

function clip(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}

function parseCsv(text: string, fail: (what: string) => ConfigError): SampleArray {
  let parsed: ReturnType<typeof parseCsvRows>;
  try {
    parsed = parseCsvRows(text, { delimiter: ',', header: false });
  } catch (error) {
    if (!(error instanceof CsvRowError)) throw error;
    throw fail(
      error.got >= 0
        ? `line ${String(error.line)}: expected ${String(error.expected)} numbers like line 1, got ${String(error.got)}`
        : `line ${String(error.line)}: expected finite numbers separated by commas, got ${clip(error.text)}`,
    );
  }
  const { rows, width, values } = parsed;
  if (rows === 0) throw fail('the file is empty (expected one sample per line, comma-separated numbers)');
  return { shape: [rows, width], data: Float64Array.from(values) };
}

function parseNpySamples(bytes: Uint8Array, fail: (what: string) => ConfigError): SampleArray {
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
  return { shape, data };
}

/**
 * The one reader of sample files (a run's samples/, `ipmgan sample`'s output, `ipmgan
 * distance`'s inputs): `.csv` with one sample per line (comma-separated numbers, no header, as
 * encodeSamples writes), shape [n, d], or `.npy` ('<f4'/'<f8', shape [n, ...sampleShape]; shape
 * [n] is n one-dimensional samples). Non-finite values are rejected. A bad file throws a
 * ConfigError naming the file and what was expected.
 */
export function readSampleFile(path: string): SampleArray {
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
  return npy ? parseNpySamples(bytes, fail) : parseCsv(bytes.toString('utf8'), fail);
}
