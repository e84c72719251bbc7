import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';
import test from 'ava';
import { mlp } from '../networks/mlp.js';
import { NetworkGenerator } from '../players/NetworkGenerator.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { exportGenerator } from './exportGenerator.js';

async function loadExported(dir: string): Promise<tfl.LayersModel> {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const bytes = readFileSync(join(dir, 'weights.bin'));
  return tfl.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0]?.weights ?? [],
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    }),
  );
}

test('a reparametrised kernel is exported as the forward pass uses it, and the model maps z to the same samples', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ipmgan-export-'));
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }); });
  await tf.setBackend('cpu');
  const network = mlp.create(mlp.optionsSchema.parse({ hidden: [4], batchNorm: true, activation: 'leakyRelu', leakySlope: 0.3 }), {
    inputShape: [3],
    outputShape: [2],
    rng: new Rng(1),
    name: 'exported',
  });
  // A constraint that halves the first kernel (as spectral normalisation divides by sigma).
  network.layers?.[0]?.reparametrise((kernel) => tf.mul(kernel, 0.5));
  const generator = new NetworkGenerator({ distribution: 'uniform', dimension: 3 }, network);
  // One training-mode pass so that batch norm's running statistics leave 0 and 1.
  tf.tidy(() => generator.generate(generator.noise(16, new Rng(2)), true));
  await exportGenerator(generator, dir, { noise: { distribution: 'uniform', dimension: 3 }, dataShape: [2] });

  const z = generator.noise(6, new Rng(3)); // [6, 3]
  const expected = generator.generate(z, false).dataSync(); // [6, 2]
  const model = await loadExported(dir);
  const actual = (model.predict(z) as tf.Tensor).dataSync();
  t.is(actual.length, 12);
  for (let i = 0; i < 12; i++) assertClose(t, actual[i] ?? NaN, expected[i] ?? NaN, 1e-6);
  // Without the halving the samples differ: the export did read the transform.
  network.layers?.[0]?.reparametrise(null);
  const unhalved = generator.generate(z, false).dataSync();
  t.true(unhalved.some((v, i) => Math.abs(v - (actual[i] ?? NaN)) > 1e-3));
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { userDefinedMetadata: unknown; format: string };
  t.is(json.format, 'layers-model');
  t.deepEqual(json.userDefinedMetadata, { ipmgan: { noise: { distribution: 'uniform', dimension: 3 }, dataShape: [2] } });
  model.dispose();
  z.dispose();
  network.dispose();
});

test('a network that does not describe its layers is refused with one line', async (t) => {
  const network = { inputShape: [1], outputShape: [1], trainableVariables: [], stateVariables: [], apply: (x: tf.Tensor) => x, dispose: () => undefined };
  const generator = new NetworkGenerator({ distribution: 'gaussian', dimension: 1 }, network);
  await t.throwsAsync(exportGenerator(generator, join(tmpdir(), 'never-written'), { noise: { distribution: 'gaussian', dimension: 1 }, dataShape: [1] }), {
    message: "generator.network: this network does not describe its layers (portableLayers), so it can't be exported",
  });
});
