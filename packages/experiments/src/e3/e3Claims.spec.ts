import test from 'ava';
import { assertClose } from '@ipmgan/core/testing';
import type { MeanSe, SummaryRow } from '@ipmgan/report';
import { E3_THRESHOLDS, e3Claims, LIPSCHITZ_OBJECTIVES, massKlThreshold } from './e3Claims.js';
import type { E3CurvePoint } from './e3Curves.js';

const m = (mean: number): MeanSe => ({ mean, se: 0.1, n: 5 });
function row(label: string, values: { modesCovered?: number; massKl?: number; largestShare?: number }): SummaryRow {
  const cells = {
    w1: m(0.1),
    slicedW1: m(0.05),
    mmd2: m(0.01),
    modesCovered: m(values.modesCovered ?? 4),
    highQuality: m(50),
    reverseKl: m(0.2),
    massKl: m(values.massKl ?? 0.5),
    largestShare: m(values.largestShare ?? 40),
    lipschitz: null,
    estimateOverK: null,
    meaningfulLoss: null,
    msPerIteration: m(10),
  };
  return { label, estimateName: 'x', seeds: [1, 2, 3, 4, 5], unfinished: [], cells, custom: {} };
}

/** largestShare as logged (0..1). */
function point(iteration: number, massKl: number, largestShare: number, modesCovered: number): E3CurvePoint {
  return { objective: 'wgan', iteration, seeds: 5, massKl, largestShare, highQuality: 0.5, modesCovered, w1: 0.2 };
}

const ids = ['wgan-no-mode-collapse', 'gan-collapses-more', 'wgan-sharp-modes', 'wgan-mass-before-quality'];

test('thresholds: log(8/7) = 0.1335 and log(25/24) = 0.0408 nats; largest share 2/K', (t) => {
  t.is(massKlThreshold(8), Math.log(8 / 7));
  assertClose(t, massKlThreshold(8), 0.133531, 1e-6);
  assertClose(t, massKlThreshold(25), 0.040822, 1e-6);
  t.is(E3_THRESHOLDS.largestShareTimesUniform, 2);
});

test('no collapse is judged by mass: KL just under log(8/7) with share 25 % holds; at it, or share 25.1 %, not', (t) => {
  const held = (massKl: number, largestShare: number): boolean | undefined =>
    e3Claims([row('wgan', { massKl, largestShare }), row('gan', { massKl: 1 })], [], 8, 'ring8')[0]?.held;
  t.true(held(0.1335, 25));
  t.false(held(Math.log(8 / 7), 25));
  t.false(held(0.05, 25.1));
  // Few sharp modes (1 covered) do not decide it: quality is its own claim.
  const claims = e3Claims(
    [row('wgan', { massKl: 0.01, largestShare: 13, modesCovered: 1 }), row('gan', { massKl: 1 })],
    [],
    8,
    'ring8',
  );
  t.deepEqual(
    claims.map((c) => [c.id, c.held]),
    [
      [ids[0], true],
      [ids[1], true],
      [ids[2], false],
      [ids[3], false],
    ],
  );
});

test('quality: WGAN must cover 90 % of the modes with high-quality samples, 7.2 of 8 holds, 7.1 not', (t) => {
  const held = (modesCovered: number): boolean | undefined =>
    e3Claims([row('wgan', { modesCovered }), row('gan', {})], [], 8, 'ring8')[2]?.held;
  t.true(held(7.2));
  t.false(held(7.1));
});

test('the GAN claim holds only when its mass KL is above WGANs', (t) => {
  const held = (gan: number): boolean | undefined =>
    e3Claims([row('wgan', { massKl: 0.3 }), row('gan', { massKl: gan })], [], 25, 'grid25')[1]?.held;
  t.false(held(0.3));
  t.true(held(0.31));
});

test('mass before quality: from the curves, first spread iteration against first sharp one', (t) => {
  const held = (curves: E3CurvePoint[]): boolean | undefined =>
    e3Claims([row('wgan', {}), row('gan', {})], curves, 8, 'ring8')[3]?.held;
  // Spread at 400 (KL 0.05, share 20 %), sharp (7.2 modes) at 800: holds.
  t.true(held([point(200, 0.5, 0.4, 1), point(400, 0.05, 0.2, 3), point(800, 0.02, 0.15, 7.2)]));
  // Spread and sharp first at the same evaluation: not "before".
  t.false(held([point(200, 0.5, 0.4, 1), point(400, 0.05, 0.2, 8)]));
  // Spread, never sharp: holds; never spread: does not.
  t.true(held([point(400, 0.05, 0.2, 3)]));
  t.false(held([point(400, 0.2, 0.2, 8)]));
  // A share above 2/8 = 25 % is not spread even with a small KL.
  t.false(held([point(400, 0.05, 0.26, 3)]));
  // Other objectives' curves are ignored.
  t.false(held([{ ...point(400, 0.05, 0.2, 3), objective: 'gan' }]));
});

test('a missing objective fails its claims instead of passing them', (t) => {
  t.deepEqual(
    e3Claims([row('ebgan', { modesCovered: 8, massKl: 0 })], [], 8, 'ring8').map((c) => c.held),
    [false, false, false, false],
  );
});

test("the Lipschitz IPMs (wgan-gp, sn-gan) are judged by WGAN's mass rule, each of those present, and fisher-gan is not", (t) => {
  t.deepEqual(LIPSCHITZ_OBJECTIVES, ['wgan-gp', 'sn-gan']);
  const base = [row('wgan', { massKl: 0.01, largestShare: 13 }), row('gan', { massKl: 1 })];
  const claim = (extra: SummaryRow[]) => e3Claims([...base, ...extra], [], 8, 'ring8')[4];
  // On 8 modes: mass KL < log(8/7) = 0.1335 and largest share <= 2/8 = 25 %, as for WGAN.
  t.is(
    claim([row('wgan-gp', { massKl: 0.13, largestShare: 25 }), row('sn-gan', { massKl: 0.02, largestShare: 14 })])
      ?.held,
    true,
  );
  t.is(
    claim([row('wgan-gp', { massKl: 0.02, largestShare: 14 }), row('sn-gan', { massKl: 0.134, largestShare: 14 })])
      ?.held,
    false,
  );
  t.is(claim([row('wgan-gp', { massKl: 0.02, largestShare: 25.1 })])?.held, false);
  // Only the objectives present are judged: sn-gan alone, with a collapsed fisher-gan beside it.
  const alone = claim([
    row('sn-gan', { massKl: 0.05, largestShare: 20 }),
    row('fisher-gan', { massKl: 2, largestShare: 90 }),
  ]);
  t.is(alone?.id, 'lipschitz-ipms-no-mode-collapse');
  t.is(alone?.held, true);
  t.regex(
    alone?.criterion ?? '',
    /^for each of sn-gan, WGAN's no-collapse rule: mean mass KL < 0\.134 and mean largest share <= 25\.0 %$/,
  );
  // None of them ran (packages not installed): the claim is not judged, not failed.
  t.is(e3Claims([...base, row('fisher-gan', {})], [], 8, 'ring8').length, 4);
});
