import test from 'ava';
import { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import { activation } from './activation.js';
import { batchNorm } from './batchNorm.js';
import { dense } from './dense.js';
import { reshape } from './reshape.js';
import { sequentialNetwork } from './sequentialNetwork.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test('collects variables in layer order, checks the input shape, frees intermediates and disposes', (t) => {
  const rng = new Rng(1);
  const net = sequentialNetwork({
    inputShape: [2, 2],
    outputShape: [3],
    layers: [
      reshape([-1]),
      dense({ name: 'seqSpec/layer0', inUnits: 4, outUnits: 3, bias: false, init: 'pytorch', rng }),
      batchNorm({ name: 'seqSpec/layer1', channels: 3, init: 'pytorch', rng }),
      activation('leakyRelu', 0.1),
    ],
  });
  t.deepEqual(
    net.trainableVariables.map((v) => v.name),
    ['seqSpec/layer0/kernel', 'seqSpec/layer1/gamma', 'seqSpec/layer1/beta'],
  );
  t.deepEqual(
    net.stateVariables.map((v) => v.name),
    ['seqSpec/layer1/runningMean', 'seqSpec/layer1/runningVar'],
  );
  t.true(net.stateVariables.every((v) => !v.trainable));
  const x = tf.ones([5, 2, 2]);
  const before = tf.memory().numTensors;
  const y = net.apply(x, true);
  t.deepEqual(y.shape, [5, 3]);
  t.is(tf.memory().numTensors, before + 1); // only the output survives
  t.throws(() => net.apply(tf.ones([5, 4]), true), { message: /\[batch, 2, 2\].*\[5, 4\]/ });
  tf.dispose([x, y]);
  const count = tf.memory().numTensors;
  net.dispose();
  t.is(tf.memory().numTensors, count - 5);
  // Names are free again.
  const again = dense({ name: 'seqSpec/layer0', inUnits: 1, outUnits: 1, bias: false, init: 'pytorch', rng });
  for (const v of again.trainableVariables) v.dispose();
});

test('activations compute their functions', (t) => {
  const x = tf.tensor1d([-2, 0.5]);
  const values = (name: Parameters<typeof activation>[0]): number[] =>
    tf.tidy(() => Array.from(activation(name, 0.25).apply(x, true).dataSync()));
  t.deepEqual(values('none'), [-2, 0.5]);
  t.deepEqual(values('relu'), [0, 0.5]);
  t.deepEqual(values('leakyRelu'), [-0.5, 0.5]);
  const close = (a: number[], b: number[]): boolean => a.every((v, i) => Math.abs(v - (b[i] ?? Number.NaN)) < 1e-6);
  t.true(close(values('tanh'), [Math.tanh(-2), Math.tanh(0.5)]));
  t.true(close(values('sigmoid'), [1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(-0.5))]));
  x.dispose();
});
