import test from 'ava';
import type { SummaryRow } from '../SummaryRow.js';
import { sweepChart } from './sweepChart.js';

const empty = {
  w1: null,
  slicedW1: null,
  mmd2: null,
  modesCovered: null,
  highQuality: null,
  reverseKl: null,
  massKl: null,
  largestShare: null,
  lipschitz: null,
  estimateOverK: null,
  meaningfulLoss: null,
  msPerIteration: null,
};
const row = (label: string, w1: number, se: number | null): SummaryRow => ({
  label,
  estimateName: 'W1*K',
  seeds: [1, 2],
  unfinished: [],
  cells: { ...empty, w1: { mean: w1, se, n: se === null ? 1 : 2 } },
  custom: {},
});

test('one point per label, path and recorded metric, the other paths naming the line; ± 1 se', (t) => {
  const spec = sweepChart(
    [row('wgan-clip=0.1_n=1', 0.5, 0.1), row('wgan-clip=0.01_n=1', 0.3, null), row('mmd', 0.2, 0)],
    [
      { label: 'wgan-clip=0.1_n=1', objective: 'wgan', settings: { 'c.clip': 0.1, 's.n': 1 } },
      { label: 'wgan-clip=0.01_n=1', objective: 'wgan', settings: { 'c.clip': 0.01, 's.n': 1 } },
      { label: 'mmd', objective: 'mmd', settings: {} },
    ],
  );
  const values = (spec as { data: { values: Record<string, unknown>[] } }).data.values;
  t.deepEqual(values, [
    { path: 'c.clip', value: '0.1', series: 'wgan, n=1', metric: 'W1', mean: 0.5, low: 0.4, high: 0.6 },
    { path: 's.n', value: '1', series: 'wgan, clip=0.1', metric: 'W1', mean: 0.5, low: 0.4, high: 0.6 },
    { path: 'c.clip', value: '0.01', series: 'wgan, n=1', metric: 'W1', mean: 0.3, low: 0.3, high: 0.3 },
    { path: 's.n', value: '1', series: 'wgan, clip=0.01', metric: 'W1', mean: 0.3, low: 0.3, high: 0.3 },
  ]);
});

test('no swept path, or no metric recorded: no chart', (t) => {
  t.is(sweepChart([row('wgan', 0.5, 0.1)], [{ label: 'wgan', objective: 'wgan', settings: {} }]), null);
  const none: SummaryRow = { label: 'a', estimateName: 'x', seeds: [1], unfinished: [], cells: empty, custom: {} };
  t.is(sweepChart([none], [{ label: 'a', objective: 'wgan', settings: { 'c.clip': 1 } }]), null);
});
