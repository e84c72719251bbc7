import test from 'ava';
import { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import { conv2dTranspose } from './conv2dTranspose.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// PyTorch ConvTranspose2d(kernel k, stride s, padding p) written out as a scatter, NHWC,
// with tfjs's filter layout [k, k, out, in]: y[i*s + a - p, j*s + c - p, co] += x[i, j, ci] w[a, c, co, ci].
function referenceDeconv(x: number[][][][], w: number[][][][], b: number[], s: number, p: number): number[][][][] {
  const k = w.length;
  const [h, wd] = [x[0]?.length ?? 0, x[0]?.[0]?.length ?? 0];
  const outH = (h - 1) * s - 2 * p + k;
  const outW = (wd - 1) * s - 2 * p + k;
  return x.map((img) => {
    const out = Array.from({ length: outH }, () => Array.from({ length: outW }, () => [...b]));
    img.forEach((row, i) => {
      row.forEach((pixel, j) => {
        pixel.forEach((value, ci) => {
          for (let a = 0; a < k; a++) {
            for (let c = 0; c < k; c++) {
              const target = out[i * s + a - p]?.[j * s + c - p];
              if (target === undefined) continue;
              target.forEach((_, co) => {
                target[co] = (target[co] ?? Number.NaN) + value * (w[a]?.[c]?.[co]?.[ci] ?? Number.NaN);
              });
            }
          }
        });
      });
    });
    return out;
  });
}

/** A 4x4, stride-2 transposed convolution to 2 channels with a bias, PyTorch's init, from stream 5. */
function pytorchDeconv(name: string, inChannels: number): ReturnType<typeof conv2dTranspose> {
  return conv2dTranspose({
    name,
    inChannels,
    outChannels: 2,
    kernelSize: 4,
    strides: 2,
    bias: true,
    init: 'pytorch',
    rng: new Rng(5),
  });
}

test("kernel 4, stride 2, 'same' equals PyTorch ConvTranspose2d padding 1 and doubles the size", (t) => {
  const layer = pytorchDeconv('deconvSpec/a', 3);
  const [kernel, bias] = layer.trainableVariables;
  if (kernel === undefined || bias === undefined) throw new Error('missing variables');
  t.deepEqual(kernel.shape, [4, 4, 2, 3]);
  const x = tf.randomNormal([2, 3, 3, 3], 0, 1, 'float32', 4);
  const y = tf.tidy(() => layer.apply(x, true));
  t.deepEqual(y.shape, [2, 6, 6, 2]);
  const expected = referenceDeconv(
    x.arraySync() as number[][][][],
    kernel.arraySync() as number[][][][],
    Array.from(bias.dataSync()),
    2,
    1,
  );
  const actual = (y.arraySync() as number[][][][]).flat(3);
  const flat = expected.flat(3);
  t.is(actual.length, flat.length);
  flat.forEach((e, i) => t.true(Math.abs((actual[i] ?? Number.NaN) - e) < 1e-5, `${i}`));
  tf.dispose([x, y]);
  for (const v of layer.trainableVariables) v.dispose();
});

test('pytorch init bound uses fan-in out * k * k, as ConvTranspose2d does', (t) => {
  const layer = pytorchDeconv('deconvSpec/b', 64);
  const bound = 1 / Math.sqrt(2 * 4 * 4);
  for (const v of layer.trainableVariables) {
    const values = Array.from(v.dataSync());
    t.true(
      values.every((w) => Math.abs(w) <= bound),
      v.name,
    );
    v.dispose();
  }
  // The kernel (2048 draws) reaches near the bound, so the bound is not looser than meant.
  const kernel = conv2dTranspose({
    name: 'deconvSpec/c',
    inChannels: 64,
    outChannels: 2,
    kernelSize: 4,
    strides: 2,
    bias: false,
    init: 'pytorch',
    rng: new Rng(6),
  });
  for (const v of kernel.trainableVariables) {
    t.true(Array.from(v.dataSync()).some((w) => Math.abs(w) > 0.99 * bound));
    v.dispose();
  }
});
