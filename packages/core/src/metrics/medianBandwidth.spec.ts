import test from 'ava';
import { medianBandwidth } from './medianBandwidth.js';
import { pointsFromRows } from './pointsFromRows.js';

test('median pairwise distance, by hand', (t) => {
  // 0, 1, 3: distances 1, 3, 2 -> median 2
  t.is(medianBandwidth(pointsFromRows([[0], [1], [3]])), 2);
  // unit square corners: four sides 1, two diagonals sqrt 2 -> sorted 1 1 1 1 r2 r2, median 1
  const square = pointsFromRows([
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ]);
  t.is(medianBandwidth(square), 1);
  // 0, 1, 3, 7: 1 2 3 4 6 7 -> (3 + 4) / 2
  t.is(medianBandwidth(pointsFromRows([[0], [1], [3], [7]])), 3.5);
});

test('fewer than 2 points or all identical throws', (t) => {
  t.throws(() => medianBandwidth(pointsFromRows([[1]])), { instanceOf: RangeError });
  t.throws(() => medianBandwidth(pointsFromRows([[1], [1], [1]])), { instanceOf: RangeError });
});
