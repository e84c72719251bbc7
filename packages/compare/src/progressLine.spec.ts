import test from 'ava';
import { formatDuration, progressLine } from './progressLine.js';

test('a progress line: iteration, rate, ETA = (target - iteration) / rate, the estimate by its name, the last exact W1', (t) => {
  // (3000 - 1200) / 12 = 150 s = 02:30.
  t.is(
    progressLine({ iteration: 1200, target: 3000, rate: 12, estimateName: 'W1*K', estimate: 0.012345, w1: 0.5234 }),
    '1200/3000 12.0 it/s ETA 02:30 W1*K 0.0123 W1 0.523',
  );
  t.is(
    progressLine({ iteration: 5, target: 20, rate: 0.05, estimateName: 'IPM(GP)', estimate: -0.00002 }),
    '5/20 0.05 it/s ETA 05:00 IPM(GP) -2.0e-5',
  );
  t.is(progressLine({ iteration: 0, target: 10, rate: Number.NaN, estimateName: 'TV' }), '0/10 - it/s ETA --:--');
  const long = progressLine({ iteration: 1, target: 2, rate: 1, estimateName: 'x'.repeat(100), estimate: 1 }, 40);
  t.is(long.length, 40);
  t.true(long.endsWith('~'));
});

test('durations: mm:ss under an hour, h:mm:ss from one', (t) => {
  t.is(formatDuration(59.6), '01:00');
  t.is(formatDuration(3599), '59:59');
  t.is(formatDuration(3600 + 61), '1:01:01');
  t.is(formatDuration(Number.POSITIVE_INFINITY), '--:--');
});
