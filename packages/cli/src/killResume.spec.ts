import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ITERATIONS = 120;
/** Kill-and-resume trials per case (IPMGAN_KILL_TRIALS=10 for a longer drill). */
const TRIALS = Number(process.env.IPMGAN_KILL_TRIALS ?? '1');

mkdirSync(join(repo, 'runs'), { recursive: true });
const root = mkdtempSync(join(repo, 'runs', 'kill-resume-'));
test.after.always(() => {
  rmSync(root, { recursive: true, force: true });
});

// Every shipped objective with its own default optimizers and constraints (wgan: RMSProp and
// weight clipping; gan, ebgan, mmd: Adam), plus the optimizers the defaults do not cover.
const cases: [string, string[]][] = [
  ['wgan', []],
  ['gan', []],
  ['ebgan', []],
  ['mmd', []],
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
  'seed: 5\ndata: { name: ring8 }\n' +
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

/** The only run directory under `dir`. */
function runIn(dir: string): string {
  const [name] = readdirSync(dir);
  return join(dir, name ?? '');
}

/** metrics.jsonl without its clock, one string per line. */
function metrics(run: string): string[] {
  return readFileSync(join(run, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { elapsedSeconds: _, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(rest);
    });
}

function samples(run: string): Record<string, string> {
  const dir = join(run, 'samples');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

function lineCount(path: string): number {
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8').split('\n').length - 1;
}

/** Starts a training, SIGKILLs it once metrics.jsonl has `at` lines; resolves with how it ended. */
async function killAt(argv: string[], dir: string, at: number): Promise<{ signal: string | null; lines: number }> {
  const child = spawn(process.execPath, [bin, ...argv], { cwd: repo, stdio: 'ignore' });
  let signal: string | null | undefined;
  const exited = new Promise<string | null>((resolve) => {
    child.once('exit', (_code, how) => {
      signal = how;
      resolve(how);
    });
  });
  while (signal === undefined) {
    const run = existsSync(dir) ? readdirSync(dir)[0] : undefined;
    if (run !== undefined && lineCount(join(dir, run, 'metrics.jsonl')) >= at) {
      child.kill('SIGKILL');
      break;
    }
    await sleep(1);
  }
  return { signal: await exited, lines: lineCount(join(runIn(dir), 'metrics.jsonl')) };
}

// Serial: a spawnSync in a concurrent test would block the event loop that watches for the kill point.
for (const [objective, sets] of cases) {
  test.serial(
    `${objective}: SIGKILLed at a random iteration and resumed, metrics.jsonl and samples are byte-identical to an uninterrupted run (${String(TRIALS)} trial(s))`,
    async (t) => {
      const wholeDir = join(root, `${objective.replace(/ /g, '-')}-whole`);
      const whole = spawnSync(process.execPath, [bin, ...args(objective, sets, wholeDir)], {
        cwd: repo,
        encoding: 'utf8',
      });
      t.is(whole.status, 0, whole.stderr);
      const expectedMetrics = metrics(runIn(wholeDir));
      const expectedSamples = samples(runIn(wholeDir));
      t.is(expectedMetrics.length, ITERATIONS);
      t.deepEqual(Object.keys(expectedSamples), ['iter-0000040.csv', 'iter-0000080.csv', 'iter-0000120.csv']);
      for (let trial = 0; trial < TRIALS; trial++) {
        const dir = join(root, `${objective.replace(/ /g, '-')}-killed-${String(trial)}`);
        const at = 5 + Math.floor(Math.random() * (ITERATIONS - 20));
        const killed = await killAt(args(objective, sets, dir), dir, at);
        t.log(`trial ${String(trial)}: killed after ${String(killed.lines)} metrics lines (aimed at ${String(at)})`);
        t.is(killed.signal, 'SIGKILL', 'the run was killed, not finished');
        const resumed = spawnSync(process.execPath, [bin, 'train', '--resume', runIn(dir)], {
          cwd: repo,
          encoding: 'utf8',
        });
        t.is(resumed.status, 0, resumed.stderr);
        t.deepEqual(metrics(runIn(dir)), expectedMetrics);
        t.deepEqual(samples(runIn(dir)), expectedSamples);
        t.deepEqual(
          readFileSync(join(runIn(dir), 'checkpoints', 'iter-0000120', 'tensors.bin')),
          readFileSync(join(runIn(wholeDir), 'checkpoints', 'iter-0000120', 'tensors.bin')),
        );
      }
    },
  );
}
