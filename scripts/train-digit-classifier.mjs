// Trains the digit classifier that ships with @ipmgan/core (packages/core/assets/digit-classifier.json
// and .bin), whose features and classes give MNIST-shaped runs their digitFrechet, digitKid and
// digitClasses metrics. Run once, after `npm run build`: node scripts/train-digit-classifier.mjs
// It is seeded: the same code, backend and digits give the same weights.
import { mnistDigits, ShippedDigitClassifier, trainDigitClassifier, useBackend } from '@ipmgan/core/engine';

const seed = 1;
// 1,000 digits held out (100 of each class), the other 9,000 for training.
const options = { hidden: [128], features: 32, heldOutPerClass: 100, epochs: 20, batchSize: 128, lr: 0.001 };
await useBackend('wasm');
const started = performance.now();
const classifier = trainDigitClassifier(mnistDigits(process.cwd()), options, seed);
const info = {
  trainedBy: 'scripts/train-digit-classifier.mjs',
  seed,
  options,
  trainDigits: classifier.train.labels.length,
  heldOutDigits: classifier.heldOut.labels.length,
  trainAccuracy: classifier.trainAccuracy,
  heldOutAccuracy: classifier.heldOutAccuracy,
};
ShippedDigitClassifier.write(ShippedDigitClassifier.assets, classifier.weights(), info);
console.log(
  `digit classifier: ${(100 * info.trainAccuracy).toFixed(2)} % of ${String(info.trainDigits)} training digits, ` +
    `${(100 * info.heldOutAccuracy).toFixed(2)} % of ${String(info.heldOutDigits)} held out, ` +
    `${((performance.now() - started) / 1000).toFixed(0)} s; written to ${ShippedDigitClassifier.assets}`,
);
classifier.dispose();
