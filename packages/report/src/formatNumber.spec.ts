import test from 'ava';
import { formatMeanSe } from './formatMeanSe.js';
import { formatNumber } from './formatNumber.js';

test('three significant digits, exponents only far from 1', (t) => {
  t.is(formatNumber(0.123456), '0.123');
  t.is(formatNumber(1234.5), '1230');
  t.is(formatNumber(-0.0005), '-0.0005');
  t.is(formatNumber(0.00001234), '1.23e-5');
  t.is(formatNumber(123456), '1.23e+5');
  t.is(formatNumber(0), '0');
});

test('mean ± se, a dash for one seed, n/a for none', (t) => {
  t.is(formatMeanSe({ mean: 0.25, se: 0.0123, n: 3 }), '0.25 ± 0.0123');
  t.is(formatMeanSe({ mean: 7, se: null, n: 1 }), '7 ± —');
  t.is(formatMeanSe(null), 'n/a');
  t.is(formatMeanSe(undefined, 3), 'n/a');
});

test('with digits, mean and se have that many decimals (experiment tables)', (t) => {
  t.is(formatMeanSe({ mean: 0.25, se: 0.0123, n: 3 }, 3), '0.250 ± 0.012');
  t.is(formatMeanSe({ mean: 7, se: null, n: 1 }, 1), '7.0 ± —');
});
