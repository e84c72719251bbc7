import { tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { powerIteration } from './powerIteration.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

/** sigma_max(K) = sqrt(lambda_max(K^T K)), for a 2x2 K^T K = [[a, b], [b, c]] in closed form. */
function largestSingularValue2(a: number, b: number, c: number): number {
  return Math.sqrt((a + c) / 2 + Math.sqrt(((a - c) / 2) ** 2 + b ** 2));
}

/** `steps` power-iteration steps from u0; returns the last sigma and u, v. */
function iterate(kernel: number[][], u0: number[], steps: number): { sigma: number; u: number[]; v: number[] } {
  return tf.tidy(() => {
    const k = tf.tensor2d(kernel);
    let u = tf.tensor1d(u0);
    let step = powerIteration(k, u);
    for (let i = 1; i < steps; i++) {
      u = step.u;
      step = powerIteration(k, u);
    }
    return {
      sigma: step.sigma.dataSync()[0] ?? Number.NaN,
      u: Array.from(step.u.dataSync()),
      v: Array.from(step.v.dataSync()),
    };
  });
}

test('one step from u = (1, 0) on K = [[1, 2], [3, 4]]: v = (1, 3)/sqrt(10), u = (10, 14)/sqrt(296), sigma = sqrt(29.6)', (t) => {
  // K u = (1, 3); K^T v = (1 + 9, 2 + 12)/sqrt(10) = (10, 14)/sqrt(10); sigma = ||K^T v|| = sqrt(296/10).
  const { sigma, u, v } = iterate(
    [
      [1, 2],
      [3, 4],
    ],
    [1, 0],
    1,
  );
  assertClose(t, v[0] ?? Number.NaN, 1 / Math.sqrt(10));
  assertClose(t, v[1] ?? Number.NaN, 3 / Math.sqrt(10));
  assertClose(t, u[0] ?? Number.NaN, 10 / Math.sqrt(296));
  assertClose(t, u[1] ?? Number.NaN, 14 / Math.sqrt(296));
  assertClose(t, sigma, Math.sqrt(29.6), 1e-5);
});

for (const [name, kernel, gram] of [
  // K^T K = [[1 + 9, 2 + 12], [2 + 12, 4 + 16]] = [[10, 14], [14, 20]]
  [
    '2x2 K = [[1, 2], [3, 4]]',
    [
      [1, 2],
      [3, 4],
    ],
    [10, 14, 20],
  ],
  // [in 3, out 2]: K^T K = [[1 + 4, 0.5 - 2], [0.5 - 2, 0.25 + 1 + 9]] = [[5, -1.5], [-1.5, 10.25]]
  [
    '3x2 K = [[1, 0.5], [-2, 1], [0, 3]]',
    [
      [1, 0.5],
      [-2, 1],
      [0, 3],
    ],
    [5, -1.5, 10.25],
  ],
  // [in 2, out 3], the transpose: the same singular values (K K^T above is its K^T K).
  [
    '2x3 K = [[1, -2, 0], [0.5, 1, 3]]',
    [
      [1, -2, 0],
      [0.5, 1, 3],
    ],
    [5, -1.5, 10.25],
  ],
] as const) {
  test(`${name}: sigma converges to sqrt(lambda_max(K^T K)) to 1e-4 relative, and K / sigma has spectral norm 1`, (t) => {
    const [a, b, c] = gram;
    const expected = largestSingularValue2(a, b, c);
    const out = kernel[0].length;
    const { sigma } = iterate(
      kernel.map((row) => [...row]),
      Array.from({ length: out }, (_, i) => (i === 0 ? 1 : 0.5)),
      30,
    );
    t.log(`sigma ${String(sigma)}, closed form ${String(expected)}`);
    assertClose(t, sigma / expected, 1, 1e-4);
    // The normalised kernel K / sigma has singular values sigma_i / sigma: the largest is 1.
    assertClose(t, largestSingularValue2(a / sigma ** 2, b / sigma ** 2, c / sigma ** 2), 1, 1e-4);
    // ... and power iteration on K / sigma itself says so.
    const normalised = kernel.map((row) => row.map((x) => x / sigma));
    assertClose(t, iterate(normalised, [1, ...Array.from({ length: out - 1 }, () => 0.5)], 30).sigma, 1, 1e-4);
  });
}

test('the gradient of sigma in K is v u^T (Miyato et al. Sec. 2.2), u and v held constant', (t) => {
  // sigma = v^T K u' with u' and v constants has gradient v u'^T for any u, converged or not; the
  // gradient through u' and v as well would differ away from convergence (checked: it fails then).
  const result = tf.tidy(() => {
    const k = tf.variable(
      tf.tensor2d([
        [1, 0.5],
        [-2, 1],
        [0, 3],
      ]),
      true,
      'sn-spec-kernel',
    );
    const u = tf.tensor1d([0.3, -0.8]);
    const step = powerIteration(k, u);
    const { grads } = tf.variableGrads(() => powerIteration(k, u).sigma, [k]);
    const expected = tf.outerProduct(step.v, step.u); // [in, out]
    const out = {
      gradient: Array.from(grads['sn-spec-kernel']?.dataSync() ?? []),
      expected: Array.from(expected.dataSync()),
    };
    k.dispose();
    return out;
  });
  t.is(result.gradient.length, 6);
  result.expected.forEach((e, i) => {
    assertClose(t, result.gradient[i] ?? Number.NaN, e, 1e-6);
  });
});

test('a zero kernel gives sigma 0 and finite vectors (no 0/0)', (t) => {
  const { sigma, u, v } = iterate(
    [
      [0, 0],
      [0, 0],
    ],
    [1, 0],
    1,
  );
  t.is(sigma, 0);
  t.deepEqual([...u, ...v], [0, 0, 0, 0]);
});
