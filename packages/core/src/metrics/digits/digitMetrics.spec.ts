import test from 'ava';
import { useBackend } from '../../backend/useBackend.js';
import { mnistDigits } from '../../data/mnist.js';
import { tf } from '../../tensorflow.js';
import { assertClose } from '../../testing/assertClose.js';
import { digitSplit } from './digitClassifier.js';
import { digitMetrics, isDigitShaped } from './digitMetrics.js';
import { ShippedDigitClassifier } from './ShippedDigitClassifier.js';

// The backend the classifier was trained on.
await useBackend('wasm');
const { info, classifier } = ShippedDigitClassifier.load();
const { heldOut } = digitSplit(mnistDigits(process.cwd()), info.options, info.seed);

test('the shipped classifier has the held-out accuracy its record states, above 0.93', (t) => {
  t.is(heldOut.labels.length, info.heldOutDigits);
  const predicted = classifier.classify(heldOut.images);
  const accuracy = predicted.reduce((hits, p, i) => hits + (p === heldOut.labels[i] ? 1 : 0), 0) / predicted.length;
  // Trained on wasm; another backend may break a near tie or two of the 1,000.
  assertClose(t, accuracy, info.heldOutAccuracy, 0.002);
  t.true(info.heldOutAccuracy > 0.93, String(info.heldOutAccuracy));
  t.deepEqual(
    [info.trainedBy, info.trainDigits, info.heldOutDigits],
    ['scripts/train-digit-classifier.mjs', 9000, 1000],
  );
});

test('real digits against themselves: Frechet 0, all 10 classes; one digit repeated: 1 class, KL log 10', (t) => {
  const self = digitMetrics(heldOut.images, heldOut.images);
  assertClose(t, self.digitFrechet ?? NaN, 0, 1e-6);
  t.is(self.digitClasses, 10);
  // 100 of each class held out, classified 95% right: the histogram is nearly even.
  t.true((self.digitClassKl ?? 1) >= 0 && (self.digitClassKl ?? 1) < 0.01, String(self.digitClassKl));

  const one = new Float32Array(heldOut.images.length);
  for (let i = 0; i < heldOut.labels.length; i++) one.set(heldOut.images.subarray(0, 784), i * 784);
  const collapsed = digitMetrics(one, heldOut.images);
  t.is(collapsed.digitClasses, 1);
  // Every sample in one class: KL(one-hot || uniform) = log 10.
  assertClose(t, collapsed.digitClassKl ?? NaN, Math.log(10), 1e-12);
  // A point mass against the real spread: the Frechet distance is at least the real trace (no covariance shared).
  t.true((collapsed.digitFrechet ?? 0) > 1, String(collapsed.digitFrechet));
  t.true(
    (collapsed.digitKid ?? 0) > (self.digitKid ?? 0) + 0.1,
    `${String(collapsed.digitKid)} vs ${String(self.digitKid)}`,
  );
});

test('two halves of the real digits are close, closer than digits against their own negatives', (t) => {
  // Even rows against odd rows of the held-out set (50 of each class in each half).
  const half = (parity: number): Float32Array => {
    const out = new Float32Array(500 * 784);
    for (let i = parity, row = 0; i < 1000; i += 2, row++)
      out.set(heldOut.images.subarray(i * 784, (i + 1) * 784), row * 784);
    return out;
  };
  const halves = digitMetrics(half(0), half(1));
  const negatives = digitMetrics(
    half(0).map((v) => 1 - v),
    half(1),
  );
  t.true(
    (halves.digitFrechet ?? Infinity) < 0.25 * (negatives.digitFrechet ?? 0),
    `${String(halves.digitFrechet)} vs ${String(negatives.digitFrechet)}`,
  );
  t.true(
    Math.abs(halves.digitKid ?? 1) < 0.05 * (negatives.digitKid ?? 0),
    `${String(halves.digitKid)} vs ${String(negatives.digitKid)}`,
  );
});

test('after the one-time load, digitMetrics leaves no tensor behind', (t) => {
  const before = tf.memory().numTensors;
  digitMetrics(heldOut.images.subarray(0, 50 * 784), heldOut.images.subarray(50 * 784, 100 * 784));
  t.is(tf.memory().numTensors, before);
});

test('digit-shaped means 28 x 28 x 1', (t) => {
  t.true(isDigitShaped([28, 28, 1]));
  t.false(isDigitShaped([28, 28, 3]));
  t.false(isDigitShaped([784]));
  t.false(isDigitShaped([2]));
});
