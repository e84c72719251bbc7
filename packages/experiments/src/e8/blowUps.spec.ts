import test from 'ava';
import { blowUps } from './blowUps.js';

const rule = { window: 3, drop: 0.5, warmup: 2 };
const at = (series: number[]): number[] =>
  blowUps(
    series,
    series.map((_, i) => (i + 1) * 10),
    rule,
  );

test('a fall below half the peak of the last 3 is a blow-up; consecutive positions are one event', (t) => {
  // Position 3 (0.4 < 0.5 x 1) starts an event that lasts through 4; position 7 starts another.
  t.deepEqual(at([0.2, 1, 1, 0.4, 0.3, 1, 1, 0.49]), [40, 80]);
  // Exactly half is not below half.
  t.deepEqual(at([1, 1, 1, 0.5]), []);
});

test('nothing before the warm-up, and a series that only rises never blows up', (t) => {
  t.deepEqual(at([1, 0.1, 0.1, 0.1]), [30]);
  t.deepEqual(at([0.1, 0.2, 0.3, 0.4, 0.5]), []);
});

test('a negative or zero peak cannot blow up (the critic has not learned yet)', (t) => {
  t.deepEqual(at([-1, -1, -1, -5]), []);
});
