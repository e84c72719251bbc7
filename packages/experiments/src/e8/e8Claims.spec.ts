import test from 'ava';
import { e8Claims } from './e8Claims.js';
import type { E8Run } from './measureE8.js';

function run(label: string, blowUps: number[], negative: [number, number, number], w1: number): E8Run {
  return {
    label,
    estimates: [],
    cosines: [],
    w1: [{ iteration: 100, w1 }],
    blowUps,
    negativeShare: negative[0],
    negativeShareNear: negative[1],
    negativeShareElsewhere: negative[2],
    seconds: 1,
  };
}

const held = (runs: E8Run[]): boolean[] => e8Claims({ runs }).map((c) => c.held);

test("the paper's picture holds every claim", (t) => {
  t.deepEqual(
    held([
      run('rmsprop', [], [0, Number.NaN, 0], 0.2),
      run('adam-beta1-0.5', [300], [0.01, 0.1, 0.005], 0.3),
      run('adam-beta1-0.9', [300, 500], [0.05, 0.4, 0.02], 0.4),
    ]),
    [true, true, true, true],
  );
});

test('equal blow-ups, one negative RMSProp step, a concentration under 2x and a better Adam each fail their claim', (t) => {
  t.deepEqual(
    held([
      run('rmsprop', [400], [0.001, 0, 0.001], 0.3),
      run('adam-beta1-0.5', [300], [0.01, 0.1, 0.06], 0.29),
      run('adam-beta1-0.9', [500], [0.05, 0.1, 0.04], 0.4),
    ]),
    // Near-share mean 0.1 vs 2 x elsewhere mean 0.05 x 2 = 0.1: exactly 2x holds.
    [false, false, true, false],
  );
  t.false(
    e8Claims({
      runs: [run('rmsprop', [], [0, 0, 0], 0.2), run('adam-beta1-0.9', [1], [0.05, 0.099, 0.05], 0.4)],
    }).find((c) => c.id === 'negative-cosine-at-blow-ups')?.held,
  );
});

test('without blow-ups the concentration claim fails instead of passing', (t) => {
  t.false(
    e8Claims({
      runs: [run('rmsprop', [], [0, Number.NaN, 0], 0.2), run('adam-beta1-0.9', [], [0.05, Number.NaN, 0.05], 0.4)],
    })[2]?.held,
  );
});
