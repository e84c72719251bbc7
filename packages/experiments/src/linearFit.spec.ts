import test from 'ava';
import { linearFit } from './linearFit.js';

test('an exact line has R^2 1 and its own slope and intercept', (t) => {
  const fit = linearFit([0, 1, 2, 3], [1, 3, 5, 7]);
  t.true(Math.abs(fit.slope - 2) < 1e-12 && Math.abs(fit.intercept - 1) < 1e-12);
  t.true(Math.abs(fit.r2 - 1) < 1e-12);
});

test('R^2 of y = x^2 on -1, 0, 1 is 0 (no linear trend); on 0, 1, 2 it is 1 - 2/3 / 8 ... by hand', (t) => {
  t.true(Math.abs(linearFit([-1, 0, 1], [1, 0, 1]).r2) < 1e-12);
  // x = 0, 1, 2; y = 0, 1, 4: slope 2, intercept -1/3; residuals 1/3, -2/3, 1/3 (SS 2/3); SS_tot = 26/3.
  const fit = linearFit([0, 1, 2], [0, 1, 4]);
  t.true(Math.abs(fit.slope - 2) < 1e-12);
  t.true(Math.abs(fit.intercept + 1 / 3) < 1e-12);
  t.true(Math.abs(fit.r2 - (1 - 2 / 3 / (26 / 3))) < 1e-12);
  t.throws(() => linearFit([1], [1]));
});
