import test from 'ava';
import { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import { dense } from './dense.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test('computes x W + b with W stored as [in, out]', (t) => {
  const layer = dense({ name: 'denseSpec/a', inUnits: 2, outUnits: 3, bias: true, init: 'pytorch', rng: new Rng(1) });
  const [kernel, bias] = layer.trainableVariables;
  if (kernel === undefined || bias === undefined) throw new Error('missing variables');
  t.deepEqual(kernel.shape, [2, 3]);
  t.deepEqual(bias.shape, [3]);
  t.is(kernel.name, 'denseSpec/a/kernel');
  t.is(bias.name, 'denseSpec/a/bias');
  tf.tidy(() => {
    kernel.assign(
      tf.tensor2d([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    bias.assign(tf.tensor1d([0.5, -0.5, 0]));
  });
  const y = tf.tidy(() =>
    layer.apply(
      tf.tensor2d([
        [1, 1],
        [2, -1],
      ]),
      true,
    ),
  );
  // [1, 1]: [5, 7, 9] + b; [2, -1]: [-2, -1, 0] + b
  t.deepEqual(y.arraySync(), [
    [5.5, 6.5, 9],
    [-1.5, -1.5, 0],
  ]);
  y.dispose();
  for (const v of layer.trainableVariables) v.dispose();
});

test('without bias it has only the kernel', (t) => {
  const layer = dense({ name: 'denseSpec/b', inUnits: 4, outUnits: 2, bias: false, init: 'dcgan', rng: new Rng(1) });
  t.is(layer.trainableVariables.length, 1);
  t.is(layer.stateVariables.length, 0);
  for (const v of layer.trainableVariables) v.dispose();
});
