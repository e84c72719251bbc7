import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killAndResume } from '@ipmgan/core/testing';
import test from 'ava';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ITERATIONS = 120;

mkdirSync(join(repo, 'runs'), { recursive: true });
const root = mkdtempSync(join(repo, 'runs', 'kill-resume-'));
test.after.always(() => {
  rmSync(root, { recursive: true, force: true });
});

// Every shipped objective with its own default optimizers and constraints (wgan: RMSProp and
// weight clipping; gan, ebgan, mmd: Adam; wgan-gp: Adam and the gradient penalty, whose
// interpolates draw from the plugin's stream; sn-gan: Adam and spectral normalisation's
// power-iteration vectors; fisher-gan and sobolev-gan: Adam and the Lagrange multiplier; mmd-gan: RMSProp and
// clipping on a features critic; cramer-gan: Adam and its own penalty's interpolates, drawn
// from the objective's stream), found in the
// workspace as `ipmgan train` finds them, plus the optimizers the defaults do not cover.
const cases: [string, string[]][] = [
  ['wgan', []],
  ['gan', []],
  ['ebgan', []],
  ['mmd', []],
  ['wgan-gp', []],
  ['sn-gan', []],
  ['fisher-gan', []],
  ['sobolev-gan', []],
  ['mmd-gan', []],
  ['cramer-gan', []],
  [
    'wgan with adam',
    [
      'training.optimizers.critic={"name":"adam","lr":1e-4,"beta1":0.5}',
      'training.optimizers.generator={"name":"adam","lr":1e-4,"beta1":0.5}',
    ],
  ],
  [
    'gan with sgd',
    ['training.optimizers.critic={"name":"sgd","lr":0.05}', 'training.optimizers.generator={"name":"sgd","lr":0.05}'],
  ],
  // Every other case runs on the native kernels (the config says native: on, so a run that
  // cannot load them fails; IPMGAN_NATIVE=0 turns them off for the whole drill); this one on wasm's.
  ['wgan with native off', ['native=off']],
  [
    'wgan with rmsprop momentum',
    [
      'training.optimizers.critic={"name":"rmsprop","lr":5e-5,"momentum":0.5}',
      'training.optimizers.generator={"name":"rmsprop","lr":5e-5,"momentum":0.5}',
    ],
  ],
];

const config = join(root, 'ipmgan.config.yaml');
writeFileSync(
  config,
  'seed: 5\nnative: on\ndata: { name: ring8 }\n' +
    'generator: { network: { name: mlp, options: { hidden: [16] } } }\n' +
    'critic: { network: { name: mlp, options: { hidden: [16] } } }\n' +
    `training: { iterations: ${String(ITERATIONS)}, batchSize: 32 }\n` +
    'run: { logEvery: 1, checkpointEvery: 1, sampleEvery: 40, sampleCount: 64, evaluateEvery: 30 }\n' +
    'evaluation: { samples: 64, projections: 16 }\n',
);

function args(objective: string, sets: readonly string[], dir: string): string[] {
  const name = objective.split(' ')[0] ?? objective;
  return [
    'train',
    '-c',
    config,
    '--set',
    `objective.name=${name}`,
    '--set',
    `run.dir=${dir}`,
    ...sets.flatMap((s) => ['--set', s]),
  ];
}

// Serial: killAndResume's spawnSync would block the event loop that watches for another test's kill point.
// Trials per case: IPMGAN_KILL_TRIALS (default 1; 10 for a longer drill).
for (const [objective, sets] of cases) {
  test.serial(
    `${objective}: ipmgan train SIGKILLed at a random iteration and resumed with --resume, metrics.jsonl, samples and the final tensors are byte-identical to an uninterrupted run`,
    async (t) => {
      const report = await killAndResume(t, {
        cwd: repo,
        command: {
          start: (dir) => [bin, ...args(objective, sets, dir)],
          resume: (run) => [bin, 'train', '--resume', run],
        },
      });
      t.is(report.lines, ITERATIONS);
      t.deepEqual(report.samples, ['iter-0000040.csv', 'iter-0000080.csv', 'iter-0000120.csv']);
    },
  );
}

test.serial(
  'gan resumed with --set (a lower learning rate from iteration 31) and SIGKILLed: a plain --resume keeps the amendment, and the run is byte-identical to the amended run uninterrupted',
  async (t) => {
    const runOf = (dir: string): string => join(dir, readdirSync(dir)[0] ?? '');
    const report = await killAndResume(t, {
      cwd: repo,
      command: {
        prepare: (dir) => [bin, ...args('gan', [], dir), '--iterations', '30'],
        start: (dir) => [
          bin,
          'train',
          '--resume',
          runOf(dir),
          '--set',
          'training.optimizers.critic.lr=0.00005',
          '--set',
          'training.optimizers.generator.lr=0.00005',
          '--iterations',
          String(ITERATIONS),
        ],
        resume: (run) => [bin, 'train', '--resume', run],
      },
    });
    t.is(report.lines, ITERATIONS);
    // The first command's last iteration (30) writes samples too.
    t.deepEqual(report.samples, ['iter-0000030.csv', 'iter-0000040.csv', 'iter-0000080.csv', 'iter-0000120.csv']);
  },
);
