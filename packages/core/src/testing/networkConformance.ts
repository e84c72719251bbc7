import type { NetworkExtension } from '../contracts/Extension.js';
import type { Network } from '../contracts/Network.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import type { ConformanceTest } from './ConformanceTest.js';
import type { NetworkConformanceOptions } from './NetworkConformanceOptions.js';

const BATCH = 8;

function networkOf(options: NetworkConformanceOptions): NetworkExtension {
  const all = options.plugin.extensions.filter((e): e is NetworkExtension => e.kind === 'network');
  const found =
    options.network === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((e) => e.id === options.network);
  if (!found)
    throw new Error(
      `${options.plugin.name}: name the network to test (network: one of ${all.map((e) => e.id).join(', ')})`,
    );
  return found;
}

const size = (v: tf.Variable): number => v.shape.reduce((a, b) => a * b, 1);

/**
 * Registers the shared contract every network plugin passes, as serial ava tests:
 * `networkConformance(test, { plugin: ipmganPlugin, inputShape: [2], outputShape: [1], badOptions: {...} })`.
 * The metadata and options schema are sound and create() builds what was asked (shapes,
 * variable names under `name`); apply maps a finite float32 [n, ...input] batch to a finite
 * float32 [n, ...output] one in both modes; every initial weight comes from `rng`;
 * estimateSize, when given, counts exactly the weights built; a loss on the output reaches
 * every trainable variable; 20 SGD steps inside tf.tidy lower mean(y^2) and leak no tensor; a `samplewise`
 * network scores a concatenated batch as it scores its parts.
 */
export function networkConformance(test: ConformanceTest, options: NetworkConformanceOptions): void {
  const extension = networkOf(options);
  const label = options.options === undefined ? extension.id : `${extension.id} ${JSON.stringify(options.options)}`;
  let built = 0;
  const build = async (seed = 1): Promise<Network> => {
    await tf.setBackend('cpu');
    return extension.create(extension.optionsSchema.parse(options.options ?? {}), {
      inputShape: options.inputShape,
      outputShape: options.outputShape,
      rng: new Rng(seed),
      name: `kit_${extension.id}_${String(++built)}`,
    });
  };
  const input = (seed: number): tf.Tensor => tf.randomNormal([BATCH, ...options.inputShape], 0, 1, 'float32', seed);

  test.serial(`${label}: metadata is complete and create() builds what was asked`, async (t) => {
    t.true(/^[a-z0-9][a-z0-9-]*$/.test(extension.id), `id "${extension.id}" is lower-case kebab`);
    t.true(extension.description.length > 0 && !extension.description.includes('\n'), 'a one-line description');
    const net = await build();
    const name = `kit_${extension.id}_${String(built)}`;
    t.true(
      JSON.stringify(net.inputShape) === JSON.stringify(options.inputShape),
      `inputShape ${String(net.inputShape)}`,
    );
    t.true(
      JSON.stringify(net.outputShape) === JSON.stringify(options.outputShape),
      `outputShape ${String(net.outputShape)}`,
    );
    t.true(net.trainableVariables.length > 0, 'it has trainable variables');
    const variables = [...net.trainableVariables, ...net.stateVariables];
    t.true(
      variables.every((v) => v.name.startsWith(name)),
      `every variable is named under "${name}": ${variables.map((v) => v.name).join(', ')}`,
    );
    t.true(
      net.stateVariables.every((v) => !v.trainable),
      'state variables are not trainable',
    );
    net.dispose();
  });

  test.serial(`${label}: the options schema rejects a bad option by name`, (t) => {
    const result = extension.optionsSchema.safeParse(options.badOptions);
    const key = Object.keys(options.badOptions)[0];
    t.true(!result.success, `${JSON.stringify(options.badOptions)} was accepted`);
    t.true(
      !result.success && result.error.issues.some((issue) => issue.path[0] === key),
      `the error names ${String(key)}`,
    );
  });

  test.serial(`${label}: apply maps a [n, ...input] batch to a finite float32 [n, ...output] one`, async (t) => {
    const net = await build();
    const x = input(2);
    for (const training of [true, false]) {
      const y = net.apply(x, training);
      t.true(
        JSON.stringify(y.shape) === JSON.stringify([BATCH, ...options.outputShape]),
        `training ${String(training)}: shape [${y.shape.join(', ')}]`,
      );
      t.true(y.dtype === 'float32', `dtype ${y.dtype}`);
      t.true(Array.from(y.dataSync()).every(Number.isFinite), 'finite outputs');
      y.dispose();
    }
    x.dispose();
    net.dispose();
  });

  test.serial(`${label}: every initial weight comes from rng`, async (t) => {
    const weights = (net: Network): number[][] => net.trainableVariables.map((v) => Array.from(v.dataSync()));
    const [a, b, c] = [await build(42), await build(42), await build(43)];
    t.true(JSON.stringify(weights(a)) === JSON.stringify(weights(b)), 'the same rng state gave other weights');
    t.true(JSON.stringify(weights(a)) !== JSON.stringify(weights(c)), 'two rng states gave the same weights');
    for (const n of [a, b, c]) n.dispose();
  });

  if (extension.estimateSize)
    test.serial(`${label}: estimateSize counts exactly the weights create() builds`, async (t) => {
      const net = await build();
      const built = [...net.trainableVariables, ...net.stateVariables].reduce((sum, v) => sum + size(v), 0);
      const estimate = extension.estimateSize?.(extension.optionsSchema.parse(options.options ?? {}), {
        inputShape: options.inputShape,
        outputShape: options.outputShape,
      });
      t.true(estimate?.weights === built, `estimate ${String(estimate?.weights)} against ${String(built)} built`);
      t.true((estimate?.activationsPerSample ?? 0) > 0, 'activations per sample are counted');
      net.dispose();
    });

  test.serial(`${label}: a loss on the output reaches every trainable variable`, async (t) => {
    const net = await build();
    const x = input(4);
    // A random projection of the output, so that no direction (a batch-norm shift) cancels.
    const projection = tf.randomNormal([BATCH, ...options.outputShape], 0, 1, 'float32', 5);
    const { value, grads } = tf.variableGrads(
      () => tf.sum(tf.mul(net.apply(x, true), projection)),
      [...net.trainableVariables],
    );
    for (const v of net.trainableVariables) {
      const g = Array.from(grads[v.name]?.dataSync() ?? []);
      t.true(g.length === size(v) && g.every(Number.isFinite), `${v.name}: a finite gradient`);
      t.true(
        g.some((e) => e !== 0),
        `${v.name}: gradient all zero`,
      );
    }
    tf.dispose([x, projection, value, grads]);
    net.dispose();
  });

  test.serial(`${label}: 20 SGD steps inside tf.tidy lower the loss and leak no tensor`, async (t) => {
    const net = await build();
    const x = input(6);
    const optimizer = tf.train.sgd(0.01);
    const loss = (): tf.Scalar => tf.mean(tf.square(net.apply(x, true)));
    const first = tf.tidy(() => loss().dataSync()[0] ?? Number.NaN);
    const step = (): void => {
      tf.tidy(() => {
        optimizer.minimize(loss, false, [...net.trainableVariables]);
      });
    };
    step(); // the optimizer creates its state on the first step
    const before = tf.memory().numTensors;
    for (let i = 1; i < 20; i++) step();
    const after = tf.memory().numTensors;
    t.true(after === before, `${String(after - before)} tensors leaked over 19 steps`);
    const last = tf.tidy(() => loss().dataSync()[0] ?? Number.NaN);
    t.true(last < first, `the loss ${String(first)} -> ${String(last)} did not fall`);
    t.true(
      net.stateVariables.every((v) => !v.isDisposed && Array.from(v.dataSync()).every(Number.isFinite)),
      'state variables stay finite',
    );
    tf.dispose(x);
    optimizer.dispose();
    net.dispose();
  });

  test.serial(`${label}: a samplewise network scores a concatenated batch as its parts`, async (t) => {
    const net = await build();
    if (net.samplewise !== true) {
      t.true(true);
      t.log(`${extension.id} is not samplewise: the trainer scores real and fake batches in two passes`);
      net.dispose();
      return;
    }
    const gap = tf.tidy(() => {
      const [a, b] = [input(7), input(8)];
      const joint = net.apply(tf.concat([a, b]), true);
      const parts = tf.concat([net.apply(a, true), net.apply(b, true)]);
      return tf.max(tf.abs(tf.sub(joint, parts))).dataSync()[0] ?? Number.NaN;
    });
    t.true(gap <= 1e-5, `the concatenated batch differs by ${String(gap)}`);
    net.dispose();
  });
}
