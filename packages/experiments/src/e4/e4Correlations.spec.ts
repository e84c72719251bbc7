import test from 'ava';
import type { MetricsRecord, ResolvedConfig } from '@ipmgan/core/engine';
import type { RunData } from '@ipmgan/report';
import { e4Claims } from './e4Claims.js';
import { e4Correlations } from './e4Correlations.js';

function run(label: string, seed: number, estimates: number[], losses: number[], w1: number[]): RunData {
  const metrics: MetricsRecord[] = estimates.map((estimate, i) => ({
    iteration: (i + 1) * 10,
    criticLoss: null,
    generatorLoss: losses[i] ?? 0,
    estimateName: label === 'wgan' ? 'W1*K' : 'JS lower bound',
    estimate,
    elapsedSeconds: i,
    evaluation: { w1: w1[i] ?? 0 },
  }));
  // A logged line without an evaluation is left out of the correlations.
  metrics.push({
    iteration: 5,
    criticLoss: null,
    generatorLoss: 0,
    estimateName: 'x',
    estimate: 100,
    elapsedSeconds: 0,
  });
  return { label, seed, directory: '/nowhere', config: {} as ResolvedConfig, amendments: [], metrics, samples: [] };
}

test('rho over evaluations: monotone gives 1, reversed -1, hand case 0.4; mean and se over seeds', (t) => {
  const w1 = [4, 3, 2, 1];
  const runs = [
    run('wgan', 1, [40, 30, 20, 10], [1, 2, 3, 4], w1), // rho 1 and -1
    run('wgan', 2, [0.4, 0.3, 0.2, 0.1], [4, 3, 2, 1], w1), // rho 1 and 1
    // ranks of estimate [1,4,2,3] reversed against w1 -> rho(estimate, w1) = -0.4
    run('gan', 1, [0.1, 0.9, 0.3, 0.5], [1, 1, 1, 1], w1),
  ];
  const [wgan, gan] = e4Correlations(runs);
  t.is(wgan?.estimate?.mean, 1);
  t.is(wgan?.estimate?.se, 0);
  t.is(wgan?.generatorLoss?.mean, 0); // (-1 + 1) / 2
  t.is(wgan?.generatorLoss?.se, 1); // sd sqrt(2) / sqrt(2)
  t.true(Math.abs((gan?.estimate?.mean ?? 0) + 0.4) < 1e-12);
  t.is(gan?.generatorLoss, null); // a constant loss has no rank correlation
  t.deepEqual(
    e4Claims(e4Correlations(runs)).map((c) => c.held),
    [true, true, false], // no finite generator-loss rho: that claim is not counted as held
  );
});

test('a WGAN estimate that does not track W1 fails the meaningful-loss claim', (t) => {
  const runs = [
    run('wgan', 1, [1, 2, 3, 4], [0, 0, 0, 0], [4, 3, 2, 1]),
    run('gan', 1, [4, 3, 2, 1], [4, 3, 2, 1], [4, 3, 2, 1]),
  ];
  t.deepEqual(
    e4Claims(e4Correlations(runs)).map((c) => c.held),
    [false, false, false],
  );
});
