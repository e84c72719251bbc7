import { tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { templateObjectiveLosses } from './templateObjectiveLosses.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// E_r[h] = ((1, 0) + (3, 0)) / 2 = (2, 0) and E_g[h] = ((0, 1) + (0, -1)) / 2 = (0, 0): the gap is (2, 0).
const real = (): tf.Tensor2D =>
  tf.tensor2d([
    [1, 0],
    [3, 0],
  ]);
const fake = (): tf.Tensor2D =>
  tf.tensor2d([
    [0, 1],
    [0, -1],
  ]);

const read = (x: tf.Tensor): number => x.dataSync()[0] ?? Number.NaN;

test.serial('the estimate and the generator loss are ||(2, 0)|| = 2', (t) => {
  tf.tidy(() => {
    assertClose(t, read(templateObjectiveLosses.estimate(real(), fake())), 2);
    assertClose(t, read(templateObjectiveLosses.generator(real(), fake())), 2);
  });
});

test.serial('the critic loss is (lambda / 2) E||h||^2 - 2 with E||h||^2 = (1 + 9 + 1 + 1) / 4 = 3', (t) => {
  tf.tidy(() => {
    assertClose(t, read(templateObjectiveLosses.critic(real(), fake(), 1)), 0.5 * 3 - 2);
    assertClose(t, read(templateObjectiveLosses.critic(real(), fake(), 4)), 2 * 3 - 2);
  });
});

test.serial('the witness is h(x) . (1, 0), and its mean difference is the estimate', (t) => {
  tf.tidy(() => {
    const w = Array.from(
      templateObjectiveLosses
        .witness(
          real(),
          fake(),
          tf.tensor2d([
            [5, 7],
            [-2, 3],
          ]),
        )
        .dataSync(),
    );
    assertClose(t, w[0] ?? Number.NaN, 5);
    assertClose(t, w[1] ?? Number.NaN, -2);
    const gap = tf.sub(
      tf.mean(templateObjectiveLosses.witness(real(), fake(), real())),
      tf.mean(templateObjectiveLosses.witness(real(), fake(), fake())),
    );
    assertClose(t, read(gap), 2);
  });
});

test.serial('on batches with the same mean the estimate and the witness are 0', (t) => {
  tf.tidy(() => {
    assertClose(t, read(templateObjectiveLosses.estimate(real(), real())), 0, 1e-7);
    assertClose(t, read(templateObjectiveLosses.witness(real(), real(), real())), 0, 1e-7);
  });
});

test.serial('the losses leak no tensor', (t) => {
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    templateObjectiveLosses.critic(real(), fake(), 1);
    templateObjectiveLosses.generator(real(), fake());
    templateObjectiveLosses.estimate(real(), fake());
    templateObjectiveLosses.witness(real(), fake(), real());
  });
  t.is(tf.memory().numTensors, before);
});
