import { spawnSync } from 'node:child_process';
import test from 'ava';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { pythonWithTorch } from '../testing/pythonWithTorch.js';
import { TorchAdam } from './TorchAdam.js';

// A fixed least-squares problem: loss(w) = mean((A w - b)^2), w in R^3 from (0.5, -1, 2).
const A = [
  [1, 2, 0.5],
  [-1, 0.25, 3],
  [0.5, -2, 1],
  [2, 1, -1],
];
const b = [1, -2, 0.5, 3];
const start = [0.5, -1, 2];
const STEPS = 30;
const settings = [
  { lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  { lr: 0.05, beta1: 0.5, beta2: 0.99, epsilon: 1e-6 },
] as const;

function ours(setting: (typeof settings)[number]): number[][] {
  const w = tf.variable(tf.tensor1d(start), true, `torch-adam-spec-${String(setting.lr)}`);
  const a = tf.tensor2d(A);
  const target = tf.tensor1d(b);
  const optimizer = new TorchAdam(setting.lr, setting.beta1, setting.beta2, setting.epsilon);
  const path: number[][] = [];
  for (let i = 0; i < STEPS; i++) {
    optimizer.minimize(
      () => tf.mean(tf.square(tf.sub(tf.squeeze(tf.matMul(a, tf.reshape(w, [3, 1]))), target))),
      false,
      [w],
    );
    path.push(Array.from(w.dataSync()));
  }
  tf.dispose([w, a, target]);
  optimizer.dispose();
  return path;
}

const torchScript = `
import json, sys, torch
A, b, start, steps, settings = json.loads(sys.argv[1])
out = []
for s in settings:
    w = torch.tensor(start, dtype=torch.float32, requires_grad=True)
    opt = torch.optim.Adam([w], lr=s['lr'], betas=(s['beta1'], s['beta2']), eps=s['epsilon'], foreach=False)
    a, t = torch.tensor(A), torch.tensor(b)
    path = []
    for _ in range(steps):
        opt.zero_grad()
        torch.mean((a @ w - t) ** 2).backward()
        opt.step()
        path.append(w.detach().tolist())
    out.append(path)
print(json.dumps(out))
`;

// torch is a reference only, never a dependency: without python3-torch this cross-check cannot
// run (and .ci/run, which installs it, makes its absence a failure: IPMGAN_REQUIRE_TORCH).
const { python, reason } = pythonWithTorch();
const torchTest = python === null ? test.skip : test;

torchTest(
  `TorchAdam follows torch.optim.Adam for ${String(STEPS)} steps on a fixed least-squares problem${reason === null ? '' : ` (${reason})`}`,
  async (t) => {
    await tf.setBackend('cpu');
    const result = spawnSync(python ?? 'python3', ['-c', torchScript, JSON.stringify([A, b, start, STEPS, settings])], {
      encoding: 'utf8',
    });
    t.is(result.status, 0, result.stderr);
    const reference = JSON.parse(result.stdout) as number[][][];
    settings.forEach((setting, s) => {
      const path = ours(setting);
      path.forEach((w, i) => {
        w.forEach((value, j) => {
          // float32 everywhere; the gradients of the two autodiffs may differ in the last bit.
          assertClose(t, value, reference[s]?.[i]?.[j] ?? Number.NaN, 2e-6);
        });
      });
    });
  },
);
