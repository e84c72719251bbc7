import test from 'ava';
import type { MeanSe, SummaryRow } from '@ipmgan/report';
import { e3Claims } from './e3Claims.js';

const m = (mean: number): MeanSe => ({ mean, se: 0.1, n: 5 });
function row(label: string, modesCovered: number): SummaryRow {
  const cells = {
    w1: m(0.1),
    slicedW1: m(0.05),
    mmd2: m(0.01),
    modesCovered: m(modesCovered),
    highQuality: m(50),
    reverseKl: m(0.2),
    lipschitz: null,
    estimateOverK: null,
    meaningfulLoss: null,
    msPerIteration: m(10),
  };
  return { label, estimateName: 'x', seeds: [1, 2, 3, 4, 5], cells, custom: {} };
}

test('no mode collapse needs WGAN to cover 90 % of the modes: 7.2 of 8 holds, 7.1 does not', (t) => {
  const held = (wganModes: number): boolean[] =>
    e3Claims([row('wgan', wganModes), row('gan', 3)], 8, 'ring8').map((c) => c.held);
  t.deepEqual(held(7.2), [true, true]);
  t.deepEqual(held(7.1), [false, true]);
});

test('the GAN claim holds only when the GAN covers fewer modes than WGAN', (t) => {
  t.false(e3Claims([row('wgan', 20), row('gan', 20)], 25, 'grid25')[1]?.held);
  t.true(e3Claims([row('wgan', 20), row('gan', 19.9)], 25, 'grid25')[1]?.held);
});

test('a missing objective fails its claims instead of passing them', (t) => {
  t.deepEqual(
    e3Claims([row('ebgan', 8)], 8, 'ring8').map((c) => c.held),
    [false, false],
  );
});
