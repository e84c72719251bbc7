import test from 'ava';
import { robustDomain } from './robustDomain.js';

const ramp = (lo: number, hi: number): number[] => Array.from({ length: 51 }, (_, k) => lo + ((hi - lo) * k) / 50);

test('robustDomain: the union of the panels 2-98 % ranges but diverged ones, widened to the modes, plus 10 %', (t) => {
  // Three panels on [-2, 2] (2nd-98th percentile: -1.92, 1.92, width 3.84) and one diverged to
  // [100, 200] (width 96 > 5 x 3.84, left out): [-1.92, 1.92], the margin 0.384 each side.
  const [lo, hi] = robustDomain([ramp(-2, 2), ramp(-2, 2), ramp(-2, 2), ramp(100, 200)], []);
  t.true(Math.abs(lo - (-1.92 - 0.384)) < 1e-9, String(lo));
  t.true(Math.abs(hi - (1.92 + 0.384)) < 1e-9, String(hi));
  // A wider panel within five times the median width is kept: [-1.92, 1.92] and [-2.88, 2.88].
  const [wlo, whi] = robustDomain([ramp(-2, 2), ramp(-2, 2), ramp(-3, 3)], []);
  t.true(
    Math.abs(wlo - (-2.88 - 0.576)) < 1e-9 && Math.abs(whi - (2.88 + 0.576)) < 1e-9,
    `${String(wlo)} ${String(whi)}`,
  );
  // Modes at +-3 widen it: [-3, 3] plus 0.6.
  const [mlo, mhi] = robustDomain([ramp(-2, 2)], [-3, 3]);
  t.true(Math.abs(mlo + 3.6) < 1e-9 && Math.abs(mhi - 3.6) < 1e-9, `${String(mlo)} ${String(mhi)}`);
  t.deepEqual(robustDomain([], []), [-1, 1]);
  // One value: a unit either side, plus 10 % of 2.
  const [plo, phi] = robustDomain([[5]], []);
  t.true(Math.abs(plo - 3.8) < 1e-9 && Math.abs(phi - 6.2) < 1e-9);
});
