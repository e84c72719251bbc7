import test from 'ava';
import { CsvRowError, parseCsvRows } from './parseCsvRows.js';

const plain = { delimiter: ',', header: false } as const;

test('a byte-order mark, CRLF, blank lines and spaces around cells are accepted', (t) => {
  t.deepEqual(parseCsvRows('\uFEFF1, 2\r\n\r\n -3 ,4e-1\r\n', plain), {
    rows: 2,
    width: 2,
    values: [1, 2, -3, 0.4],
    sawHeader: false,
  });
});

test("header 'auto' skips a first line of words only; true skips any first line", (t) => {
  t.deepEqual(parseCsvRows('x;y\n1;2\n', { delimiter: ';', header: 'auto' }).values, [1, 2]);
  t.deepEqual(parseCsvRows('1;2\n3;4\n', { delimiter: ';', header: 'auto' }).values, [1, 2, 3, 4]);
  const forced = parseCsvRows('1;2\n3;4\n', { delimiter: ';', header: true });
  t.deepEqual([forced.values, forced.sawHeader], [[3, 4], true]);
});

test('refused lines: which kind, the physical line (blank ones counted) and the widths', (t) => {
  const refusal = (text: string, options: Parameters<typeof parseCsvRows>[1] = plain): unknown[] => {
    const error = t.throws(() => parseCsvRows(text, options), { instanceOf: CsvRowError });
    return [error.kind, error.line, error.expected, error.got];
  };
  t.deepEqual(refusal('a,b\n'), ['numbers', 1, 0, -1]);
  t.deepEqual(refusal('1,2\n\n3\n'), ['row', 3, 2, 1]);
  t.deepEqual(refusal('1,2\n3,NaN\n'), ['row', 2, 2, -1]);
  t.deepEqual(refusal('1,2\n3,\n'), ['row', 2, 2, -1]);
  t.deepEqual(refusal('1,2\n3,1e999\n'), ['row', 2, 2, -1]);
  t.deepEqual(refusal('1,2\n3,-5\n', { ...plain, maxAbs: 4 }), ['range', 2, 2, 2]);
  t.deepEqual(refusal('\n1,2,3\n', { ...plain, maxColumns: 2 }), ['columns', 2, 2, 3]);
});
