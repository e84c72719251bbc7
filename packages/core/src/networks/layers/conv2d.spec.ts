import test from 'ava';
import { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import { conv2d } from './conv2d.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// PyTorch Conv2d(kernel k, stride s, padding p) written out, NHWC, filter [k, k, in, out].
function referenceConv(x: number[][][][], w: number[][][][], b: number[], s: number, p: number): number[][][][] {
  const k = w.length;
  const [h, wd] = [x[0]?.length ?? 0, x[0]?.[0]?.length ?? 0];
  const outH = Math.floor((h + 2 * p - k) / s) + 1;
  const outW = Math.floor((wd + 2 * p - k) / s) + 1;
  return x.map((img) =>
    Array.from({ length: outH }, (_, i) =>
      Array.from({ length: outW }, (_, j) =>
        b.map((bias, co) => {
          let sum = bias;
          for (let a = 0; a < k; a++) {
            for (let c = 0; c < k; c++) {
              const row = img[i * s + a - p];
              const pixel = row?.[j * s + c - p];
              if (pixel === undefined) continue;
              pixel.forEach((value, ci) => {
                sum += value * (w[a]?.[c]?.[ci]?.[co] ?? Number.NaN);
              });
            }
          }
          return sum;
        }),
      ),
    ),
  );
}

test("kernel 4, stride 2, 'same' equals PyTorch padding 1 and halves the size", (t) => {
  const layer = conv2d({
    name: 'conv2dSpec/a',
    inChannels: 2,
    outChannels: 3,
    kernelSize: 4,
    strides: 2,
    bias: true,
    init: 'pytorch',
    rng: new Rng(5),
  });
  const [kernel, bias] = layer.trainableVariables;
  if (kernel === undefined || bias === undefined) throw new Error('missing variables');
  t.deepEqual(kernel.shape, [4, 4, 2, 3]);
  tf.tidy(() => {
    bias.assign(tf.tensor1d([0.1, -0.2, 0.3]));
  });
  const x = tf.randomNormal([2, 6, 6, 2], 0, 1, 'float32', 3);
  const y = tf.tidy(() => layer.apply(x, true));
  t.deepEqual(y.shape, [2, 3, 3, 3]);
  const expected = referenceConv(
    x.arraySync() as number[][][][],
    kernel.arraySync() as number[][][][],
    Array.from(bias.dataSync()),
    2,
    1,
  );
  const actual = (y.arraySync() as number[][][][]).flat(3);
  expected.flat(3).forEach((e, i) => t.true(Math.abs((actual[i] ?? Number.NaN) - e) < 1e-5, `${i}`));
  tf.dispose([x, y]);
  for (const v of layer.trainableVariables) v.dispose();
});

test('pytorch init bound uses fan-in in * k * k', (t) => {
  const layer = conv2d({
    name: 'conv2dSpec/b',
    inChannels: 8,
    outChannels: 16,
    kernelSize: 4,
    strides: 2,
    bias: true,
    init: 'pytorch',
    rng: new Rng(5),
  });
  const bound = 1 / Math.sqrt(8 * 4 * 4);
  for (const v of layer.trainableVariables) {
    const values = Array.from(v.dataSync());
    t.true(
      values.every((w) => Math.abs(w) <= bound),
      v.name,
    );
    t.true(
      values.some((w) => Math.abs(w) > 0.8 * bound),
      v.name,
    );
    v.dispose();
  }
});
