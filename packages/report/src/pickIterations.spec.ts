import test from 'ava';
import { pickIterations } from './pickIterations.js';

test('four iterations spread over ten, ending with the last', (t) => {
  const available = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
  // Indices round(9 k / 4) for k = 1..4: 2, 5, 7, 9.
  t.deepEqual(pickIterations(available), [300, 600, 800, 1000]);
  t.deepEqual(pickIterations([200, 100]), [100, 200]);
});

test('requested iterations are kept where a sample file exists', (t) => {
  t.deepEqual(pickIterations([100, 200, 300], [300, 100, 150]), [100, 300]);
  t.deepEqual(pickIterations([100], [50]), []);
});
