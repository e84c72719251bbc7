import test from 'ava';
import type { Config } from '../config/ConfigSchema.js';
import { resolveConfig } from '../config/resolveConfig.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { openRun } from '../runs/openRun.js';
import { assertClose } from '../testing/assertClose.js';
import { handBatches } from '../testing/handBatches.js';
import { objectiveConformance } from '../testing/objectiveConformance.js';
import { criticStep } from '../trainer/criticStep.js';
import { unitGradientObjective } from './unitGradientObjective.js';

const examplePlugin = definePlugin({
  name: 'example-unit-gradient',
  version: '0.0.0',
  extensions: [unitGradientObjective],
});
const plugins = [corePlugin, examplePlugin];

// The objective kit an author runs, its auxiliary-variable check included.
objectiveConformance(test, { plugin: examplePlugin, badOptions: { rho: 0 } });

const RHO = 0.1;
// m_r - m_f = (3, -1)
const { meanDifference: D } = handBatches;

/** A linear critic f(x) = x . W + b (mlp without hidden layers): grad_x f = W at every point. */
function config(constraints: string[]): Config {
  return {
    seed: 8,
    backend: 'cpu',
    objective: { name: 'unit-gradient', options: { rho: RHO } },
    data: { name: 'ring8' },
    generator: { network: { name: 'mlp', options: { hidden: [4] } } },
    critic: { network: { name: 'mlp', options: { hidden: [] } }, constraints: constraints.map((name) => ({ name })) },
    training: { iterations: 1 },
  };
}

test.serial('one critic step: the loss is -L, W moves by dL/dW, and lambda by -rho dL/dlambda after it', async (t) => {
  const run = await openRun({ config: config([]), plugins }, { directory: null });
  const [layer] = run.trainer.critic?.layers ?? [];
  const [w0 = 0, w1 = 0] = Array.from(layer?.kernel.dataSync() ?? []);
  const omega = w0 ** 2 + w1 ** 2; // E_mu ||grad f||^2 = ||W||^2
  const lr = 0.05;
  const optimizer = createOptimizer({ name: 'sgd', lr });
  const loss = criticStep(run.trainer, optimizer, handBatches.tensors);
  // lambda_0 = 0: L = D . W - rho/2 (1 - Omega)^2.
  assertClose(t, loss, -(D[0] * w0 + D[1] * w1 - (RHO / 2) * (1 - omega) ** 2), 1e-5);
  // d(-L)/dW = -D - 2 rho (1 - Omega) W (the second term through the gradient of a gradient).
  const after = Array.from(layer?.kernel.dataSync() ?? []);
  assertClose(t, after[0] ?? Number.NaN, w0 - lr * (-D[0] - 2 * RHO * (1 - omega) * w0), 1e-5);
  assertClose(t, after[1] ?? Number.NaN, w1 - lr * (-D[1] - 2 * RHO * (1 - omega) * w1), 1e-5);
  // lambda_1 = lambda_0 - rho dL/dlambda = -rho (1 - Omega), Omega at the weights before the step.
  const lambda = run.trainer.objective.auxiliary?.variables.lambda;
  assertClose(t, lambda?.dataSync()[0] ?? Number.NaN, -RHO * (1 - omega), 1e-6);
  optimizer.dispose();
  run.dispose();
});

test('a config that lists a refused constraint fails at its entry, with the reason', (t) => {
  t.throws(() => resolveConfig(config(['weight-clipping']), plugins), {
    message:
      'critic.constraints.0.name: objective unit-gradient refuses constraint weight-clipping: clipped weights may not reach E||grad f||^2 = 1, and the multiplier then grows without bound',
  });
  t.throws(() => resolveConfig(config(['clip']), plugins), { message: /^critic\.constraints\.0\.name: / });
});
