import test from 'ava';
import { meanDistanceToNearestCentre } from './meanDistanceToNearestCentre.js';

test('each point counts its nearest centre: (0,0) -> 0, (3,4) -> |(3,4)-(3,0)| = 4, mean 2', (t) => {
  t.is(
    meanDistanceToNearestCentre(
      [
        [0, 0],
        [3, 4],
      ],
      [
        [0, 0],
        [3, 0],
      ],
    ),
    2,
  );
});

test('in 1-D the distance is |x - c|: points 1 and -2 against centre 0.5 give (0.5 + 2.5) / 2', (t) => {
  t.is(meanDistanceToNearestCentre([[1], [-2]], [[0.5]]), 1.5);
});
