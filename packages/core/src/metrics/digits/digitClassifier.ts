import type { Network } from '../../contracts/Network.js';
import type { PortableWeights } from '../../contracts/PortableLayer.js';
import { portableWeights } from '../../networks/layers/portableWeights.js';
import { builtinNetworks } from '../../networks/builtinNetworks.js';
import { createOptimizer } from '../../optimizers/createOptimizer.js';
import { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';

const PIXELS = 28 * 28;
const CLASSES = 10;
// Keeps the classifier's initialisation and shuffling apart from every GAN stream of the same seed.
const CLASSIFIER_SALT = 0x65350000;

/** How E5's digit classifier is built and trained. */
export interface DigitClassifierOptions {
  /** Units of the hidden ReLU layers before the features. */
  readonly hidden: readonly number[];
  /** Size of the tanh feature layer the Frechet distance is measured on (the penultimate layer). */
  readonly features: number;
  /** Images of each digit held out (the first ones after a seeded shuffle). */
  readonly heldOutPerClass: number;
  /** Training images of each digit after the held-out ones; absent: all the rest. */
  readonly trainPerClass?: number;
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's learning rate (beta1 0.9, beta2 0.999). */
  readonly lr: number;
}

/** A labelled set of [n, 784] images in [0, 1]. */
export interface LabelledDigits {
  readonly images: Float32Array;
  readonly labels: Int32Array;
}

/** A trained digit classifier: [n, 784] images in [0, 1] to features and classes. */
export interface DigitClassifier {
  readonly featureSize: number;
  readonly train: LabelledDigits;
  readonly heldOut: LabelledDigits;
  /** Share of its own training digits and of the held-out ones it labels correctly. */
  readonly trainAccuracy: number;
  readonly heldOutAccuracy: number;
  /** Features [n, featureSize] of [n, 784] images, as one row-major array. */
  features(images: Float32Array): Float32Array;
  /** The most likely class of each image. */
  classify(images: Float32Array): Int32Array;
  /** Its architecture and current weights (features, then head: each layer's kernel and bias), for digitClassifierFromWeights. */
  weights(): DigitClassifierWeights;
  dispose(): void;
}

/** A classifier's architecture and weights as plain data. */
export interface DigitClassifierWeights {
  readonly hidden: readonly number[];
  readonly features: number;
  /** The trainable variables in order: each dense layer's kernel [in, out] and bias [out]. */
  readonly variables: readonly PortableWeights[];
}

const mlp = builtinNetworks.find((n) => n.id === 'mlp');
// tfjs variable names must be unique among live variables: one prefix per classifier.
let classifierCount = 0;

function network(
  options: Record<string, unknown>,
  inputShape: number[],
  outputShape: number[],
  rng: Rng,
  name: string,
): Network {
  if (!mlp) throw new Error("digit classifier: core's mlp network is missing");
  return mlp.create(mlp.optionsSchema.parse(options), { inputShape, outputShape, rng, name });
}

/** Fisher-Yates with `rng`. */
function shuffled(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  return order;
}

function gather(digits: readonly Float32Array[], picks: readonly (readonly number[])[]): LabelledDigits {
  const n = picks.reduce((sum, p) => sum + p.length, 0);
  const images = new Float32Array(n * PIXELS);
  const labels = new Int32Array(n);
  let row = 0;
  picks.forEach((indices, digit) => {
    const pool = digits[digit] ?? new Float32Array(0);
    for (const i of indices) {
      images.set(pool.subarray(i * PIXELS, (i + 1) * PIXELS), row * PIXELS);
      labels[row++] = digit;
    }
  });
  return { images, labels };
}

type Inference = Pick<DigitClassifier, 'featureSize' | 'features' | 'classify' | 'weights' | 'dispose'>;

/**
 * The classifier's two networks from core's mlp (784 -> hidden ReLU layers -> `features` tanh
 * units, then a linear head to 10 logits), initialised from `rng`, and what it computes.
 */
function classifierNetworks(
  hidden: readonly number[],
  features: number,
  rng: Rng,
): { body: Network; head: Network; logits: (x: tf.Tensor) => tf.Tensor2D; inference: Inference } {
  const prefix = `digitClassifier${String(classifierCount++)}`;
  const body = network(
    { hidden: [...hidden], outputActivation: 'tanh' },
    [PIXELS],
    [features],
    rng,
    `${prefix}/features`,
  );
  const head = network({ hidden: [] }, [features], [CLASSES], rng, `${prefix}/head`);
  const logits = (x: tf.Tensor): tf.Tensor2D => head.apply(body.apply(x, false), false) as tf.Tensor2D; // [n, 10]
  // In chunks, so that a large set never needs one huge activation tensor.
  const mapRows = (images: Float32Array, width: number, f: (x: tf.Tensor2D) => tf.Tensor): Float32Array => {
    const rows = images.length / PIXELS;
    const out = new Float32Array(rows * width);
    for (let start = 0; start < rows; start += 500) {
      const count = Math.min(500, rows - start);
      const values = tf.tidy(() =>
        f(tf.tensor2d(images.subarray(start * PIXELS, (start + count) * PIXELS), [count, PIXELS])).dataSync(),
      );
      out.set(values, start * width);
    }
    return out;
  };
  const inference: Inference = {
    featureSize: features,
    features: (images) => mapRows(images, features, (x) => body.apply(x, false)),
    classify: (images) => Int32Array.from(mapRows(images, 1, (x) => tf.cast(tf.argMax(logits(x), 1), 'float32'))),
    weights: () => ({
      hidden: [...hidden],
      features,
      variables: [...body.trainableVariables, ...head.trainableVariables].map(portableWeights),
    }),
    dispose: () => {
      body.dispose();
      head.dispose();
    },
  };
  return { body, head, logits, inference };
}

/** A classifier with saved weights (digitClassifier.weights()), ready to compute features and classes. */
export function digitClassifierFromWeights(
  saved: DigitClassifierWeights,
): Omit<DigitClassifier, 'train' | 'heldOut' | 'trainAccuracy' | 'heldOutAccuracy'> {
  const { body, head, inference } = classifierNetworks(saved.hidden, saved.features, new Rng(0));
  const variables = [...body.trainableVariables, ...head.trainableVariables];
  if (variables.length !== saved.variables.length)
    throw new Error(
      `digitClassifierFromWeights: ${String(saved.variables.length)} weights for ${String(variables.length)} variables`,
    );
  variables.forEach((v, i) => {
    const w = saved.variables[i];
    if (!w || w.shape.join(',') !== v.shape.join(','))
      throw new Error(
        `digitClassifierFromWeights: weight ${String(i)} has shape [${w?.shape.join(', ') ?? ''}], the variable [${v.shape.join(', ')}]`,
      );
    const value = tf.tensor(w.values, v.shape);
    v.assign(value);
    value.dispose();
  });
  return inference;
}

/** The training and held-out digits, drawn from `rng` (the classifier's stream continues after it). */
function split(
  digits: readonly Float32Array[],
  options: Pick<DigitClassifierOptions, 'heldOutPerClass' | 'trainPerClass'>,
  rng: Rng,
): { train: LabelledDigits; heldOut: LabelledDigits } {
  const trainPicks: number[][] = [];
  const heldOutPicks: number[][] = [];
  for (let d = 0; d < CLASSES; d++) {
    const available = (digits[d]?.length ?? 0) / PIXELS;
    const train = options.trainPerClass ?? available - options.heldOutPerClass;
    if (options.heldOutPerClass + train > available || train < 1)
      throw new RangeError(
        `digit classifier: digit ${String(d)} has ${String(available)} images, fewer than ${String(options.heldOutPerClass)} held out + ${String(train)} for training`,
      );
    const order = shuffled(available, rng);
    heldOutPicks.push(order.slice(0, options.heldOutPerClass));
    trainPicks.push(order.slice(options.heldOutPerClass, options.heldOutPerClass + train));
  }
  return { train: gather(digits, trainPicks), heldOut: gather(digits, heldOutPicks) };
}

/** The digits trainDigitClassifier holds out and trains on for these options and seed. */
export function digitSplit(
  digits: readonly Float32Array[],
  options: Pick<DigitClassifierOptions, 'heldOutPerClass' | 'trainPerClass'>,
  seed: number,
): { train: LabelledDigits; heldOut: LabelledDigits } {
  return split(digits, options, new Rng((seed ^ CLASSIFIER_SALT) >>> 0));
}

/**
 * Trains E5's quality measure on the labelled MNIST digits (`digits[d]`: [n_d, 784] in [0, 1]):
 * 784 -> hidden ReLU layers -> `features` tanh units -> 10 logits, built from core's mlp network
 * (the features and a linear head), trained with Adam on softmax cross-entropy for `epochs`
 * passes over the training digits. Every split, initialisation and minibatch comes from `seed`.
 */
export function trainDigitClassifier(
  digits: readonly Float32Array[],
  options: DigitClassifierOptions,
  seed: number,
): DigitClassifier {
  const rng = new Rng((seed ^ CLASSIFIER_SALT) >>> 0);
  const { train, heldOut } = split(digits, options, rng);

  const { body, head, logits, inference } = classifierNetworks(options.hidden, options.features, rng);
  const variables = [...body.trainableVariables, ...head.trainableVariables];
  const optimizer = createOptimizer({ name: 'adam', lr: options.lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });

  const n = train.labels.length;
  const batchImages = new Float32Array(options.batchSize * PIXELS);
  const batchLabels = new Int32Array(options.batchSize);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffled(n, rng);
    for (let start = 0; start + options.batchSize <= n; start += options.batchSize) {
      for (let b = 0; b < options.batchSize; b++) {
        const i = order[start + b] ?? 0;
        batchImages.set(train.images.subarray(i * PIXELS, (i + 1) * PIXELS), b * PIXELS);
        batchLabels[b] = train.labels[i] ?? 0;
      }
      tf.tidy(() => {
        const x = tf.tensor2d(batchImages, [options.batchSize, PIXELS]);
        const y = tf.oneHot(tf.tensor1d(batchLabels, 'int32'), CLASSES);
        optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, logits(x)), false, variables);
      });
    }
  }
  optimizer.dispose();

  const accuracy = (set: LabelledDigits): number => {
    const predicted = inference.classify(set.images);
    return predicted.reduce((hits, p, i) => hits + (p === set.labels[i] ? 1 : 0), 0) / predicted.length;
  };
  return {
    ...inference,
    train,
    heldOut,
    trainAccuracy: accuracy(train),
    heldOutAccuracy: accuracy(heldOut),
  };
}
