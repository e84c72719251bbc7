import test from 'ava';
import { E10_THRESHOLDS, e10Claims } from './e10Claims.js';
import type { E10Discriminator, E10Results } from './measureE10.js';

function disc(clip: number, sigmoidSlopeFraction: number, extra: Partial<E10Discriminator> = {}): E10Discriminator {
  return {
    clip,
    meanDFake: 0.5,
    meanDReal: 0.5,
    sigmoidSlopeFraction,
    meanAbsDDx: 1e-3,
    gradientNonSaturating: -1,
    gradientMinimax: -1e-3,
    lipschitz: 1,
    logitSlopeOverK: 0.5,
    logitR2: 0.99,
    correlationWithCritic: 0.99,
    logit: [],
    seconds: 1,
    ...extra,
  };
}

function results(discriminators: E10Discriminator[]): E10Results {
  return {
    x: [],
    discriminators,
    critic: { f: [], lipschitz: 1, r2: 0.99, slopeOverK: 0.5, gradient: -0.4, gradientOverK: -0.4, seconds: 1 },
  };
}

const held = (r: E10Results): boolean[] => e10Claims(r).map((c) => c.held);

test('all four hold for an unsaturated, linear small c and a saturated large c', (t) => {
  t.deepEqual(held(results([disc(0.01, 0.95), disc(0.1, 0.5), disc(1, 0.005)])), [true, true, true, true]);
});

test('thresholds: 0.9 unsaturated, 0.01 saturated, 1e-2 vanished gradient, 0.95 like the critic', (t) => {
  t.deepEqual(E10_THRESHOLDS, { unsaturated: 0.9, saturated: 0.01, vanishedGradient: 1e-2, likeCritic: 0.95 });
  // At the boundaries: 0.9 is unsaturated, 0.01 is not saturated, R^2 0.95 is linear enough.
  t.deepEqual(held(results([disc(0.01, 0.9, { logitR2: 0.95 }), disc(1, 0.01)])), [true, true, false, true]);
  t.deepEqual(held(results([disc(0.01, 0.899), disc(1, 0.009)])), [false, true, true, true]);
});

test('like a WGAN needs both the linear fit and the correlation; saturation needs the minimax gradient to vanish', (t) => {
  t.false(e10Claims(results([disc(0.01, 0.95, { correlationWithCritic: 0.94 }), disc(1, 0)]))[1]?.held);
  t.false(e10Claims(results([disc(0.01, 0.95, { logitR2: 0.94 }), disc(1, 0)]))[1]?.held);
  t.false(e10Claims(results([disc(0.01, 0.95), disc(1, 0, { gradientMinimax: 0.02 })]))[2]?.held);
  t.true(e10Claims(results([disc(0.01, 0.95), disc(1, 0, { gradientMinimax: -0.0099 })]))[2]?.held);
});

test('saturation must not fall as c grows: a rise in the middle fails the monotone claim', (t) => {
  t.false(e10Claims(results([disc(0.01, 0.5), disc(0.1, 0.6), disc(1, 0)]))[3]?.held);
  t.true(e10Claims(results([disc(0.01, 0.5), disc(0.1, 0.5), disc(1, 0)]))[3]?.held);
});

test('no discriminators: every claim fails', (t) => {
  t.deepEqual(held(results([])), [false, false, false, false]);
});
