import { assertClose } from '../../testing/assertClose.js';
import test from 'ava';
import { classCoverage } from './classCoverage.js';

test('three of ten classes with shares 1/2, 1/3, 1/6: KL = 1/2 log 5 + 1/3 log(10/3) + 1/6 log(10/6)', (t) => {
  const labels = [0, 0, 0, 7, 7, 2];
  const c = classCoverage(labels, 10, 0);
  t.deepEqual(c.shares, [0.5, 0, 1 / 6, 0, 0, 0, 0, 2 / 6, 0, 0]);
  t.is(c.covered, 3);
  assertClose(t, c.klToUniform, 0.5 * Math.log(5) + Math.log(10 / 3) / 3 + Math.log(10 / 6) / 6, 1e-12);
  assertClose(t, c.klToUniform, 1.291181, 1e-6);
  t.is(c.largestShare, 0.5);
  // At a 20 % threshold class 2 (1/6) no longer counts; at exactly 1/3 class 7 still does.
  t.is(classCoverage(labels, 10, 0.2).covered, 2);
  t.is(classCoverage(labels, 10, 2 / 6).covered, 2);
  t.is(classCoverage(labels, 10, 0.34).covered, 1);
});

test('even over all ten classes: KL 0 and 10 covered; all one class: KL log 10 and 1 covered', (t) => {
  const even = classCoverage([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0], 10, 0.1);
  t.is(even.covered, 10);
  assertClose(t, even.klToUniform, 0, 1e-12);
  t.is(even.largestShare, 0.1);
  const one = classCoverage([4, 4, 4, 4], 10, 0.01);
  t.is(one.covered, 1);
  assertClose(t, one.klToUniform, Math.log(10), 1e-12);
});

test('a label outside 0..classes-1 is an error that names it', (t) => {
  t.throws(() => classCoverage([0, 10], 10, 0), { message: 'classCoverage: label 10 is not a class of 0..9' });
  t.throws(() => classCoverage([0.5], 10, 0), { message: 'classCoverage: label 0.5 is not a class of 0..9' });
});
