import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { trainRun } from './testing/trainRun.js';
import { withSpecDir } from './testing/withSpecDir.js';
import { runIpmgan } from './testing/runIpmgan.js';

const dir = withSpecDir('cli-eval');

function trainedRun(name: string, objective: string): string {
  return trainRun(
    dir,
    name,
    `name: ${name}\nseed: 2\nobjective: { name: ${objective} }\ndata: { name: ring8 }\n` +
      'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'training: { iterations: 4 }\nrun: { dir: runs, logEvery: 2, checkpointEvery: 2, evaluateEvery: 2 }\n' +
      'evaluation: { samples: 64, projections: 16 }\n',
  );
}

const wgan = trainedRun('critic', 'wgan');

function logged(run: string, iteration: number): Record<string, number> {
  const records = readFileSync(join(run, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { iteration: number; evaluation?: Record<string, number> });
  return records.find((r) => r.iteration === iteration)?.evaluation ?? {};
}

test('eval --json at a checkpoint reproduces the evaluation logged at that iteration', (t) => {
  for (const iteration of [2, 4]) {
    const { code, stdout, stderr } = runIpmgan(['eval', wgan, '--checkpoint', String(iteration), '--json'], dir);
    t.is(code, 0, stderr);
    const result = JSON.parse(stdout) as { iteration: number; samples: number; metrics: Record<string, number> };
    t.is(result.iteration, iteration);
    t.is(result.samples, 64);
    const { estimateOverK: _needsTheStep, ...expected } = logged(wgan, iteration);
    t.deepEqual(Object.keys(result.metrics).sort(), Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected))
      t.true(Math.abs((result.metrics[key] ?? Number.NaN) - value) <= 1e-9 * Math.max(1, Math.abs(value)), key);
  }
});

test('eval prints the metrics as a table; no critic, no lipschitz', (t) => {
  const table = runIpmgan(['eval', wgan, '-n', '32'], dir);
  t.is(table.code, 0, table.stderr);
  const lines = table.stdout.split('\n');
  t.is(lines[0], 'wgan on ring8, checkpoint 4, 32 generated vs 32 real samples');
  t.deepEqual(
    lines.slice(3, -1).map((l) => l.split(/ +/)[0]),
    [
      'w1',
      'slicedW1',
      'mmd2',
      'precision',
      'recall',
      'density',
      'coverage',
      'modesCovered',
      'highQuality',
      'reverseKl',
      'massKl',
      'largestShare',
      'lipschitz',
    ],
  );
  const mmd = trainedRun('nocritic', 'mmd');
  const json = JSON.parse(runIpmgan(['eval', mmd, '--json'], dir).stdout) as { metrics: Record<string, number> };
  t.false('lipschitz' in json.metrics);
  t.true((json.metrics.w1 ?? -1) > 0);
});

test('eval: a missing checkpoint or a non-run is one line, exit 2', (t) => {
  const missing = runIpmgan(['eval', wgan, '--checkpoint', '3'], dir);
  t.is(missing.stderr, `ipmgan: --checkpoint: ${wgan} has no checkpoint at iteration 3; saved: 2, 4\n`);
  t.is(missing.code, 2);
  const notRun = runIpmgan(['eval', dir], dir);
  t.is(notRun.stderr, `ipmgan: ${dir}: not a run directory (no config.resolved.json in ${dir})\n`);
  t.is(notRun.code, 2);
});

test('an MNIST run logs and eval prints the digit classifier metrics, labelled as not Inception FID', (t) => {
  const run = trainRun(
    dir,
    'digits',
    'name: digits\nseed: 4\nobjective: { name: wgan }\n' +
      'data: { name: mnist, options: { count: 300, range: minus-one-one } }\n' +
      'generator: { noise: { dimension: 8 }, network: { name: dcgan-generator, options: { filters: 4 } } }\n' +
      'critic: { network: { name: dcgan-critic, options: { filters: 4 } } }\n' +
      'training: { iterations: 2, batchSize: 16 }\nrun: { dir: runs, logEvery: 1, evaluateEvery: 2 }\n' +
      'evaluation: { samples: 100, projections: 8, lipschitz: false }\n',
  );
  const evaluation = logged(run, 2);
  const digitKeys = ['digitFrechet', 'digitKid', 'digitClasses', 'digitClassKl'];
  for (const key of digitKeys) t.true(Number.isFinite(evaluation[key]), key);
  // An untrained generator's digits are noise: one or a few classes, far from the real features.
  t.true((evaluation.digitClasses ?? 0) >= 1 && (evaluation.digitClasses ?? 11) <= 10);
  t.true((evaluation.digitClassKl ?? -1) >= 0 && (evaluation.digitClassKl ?? 9) <= Math.log(10) + 1e-12);
  t.true((evaluation.digitFrechet ?? 0) > 1, String(evaluation.digitFrechet));

  const printed = runIpmgan(['eval', run, '-n', '100'], dir);
  t.is(printed.code, 0, printed.stderr);
  const rows = printed.stdout.split('\n').map((l) => l.split(/ +/)[0]);
  for (const key of digitKeys) t.true(rows.includes(key), key);
  t.regex(
    printed.stdout,
    /\nnote: the digit\* rows are measured with ipmgan's small MNIST classifier \(95\.1 % held-out accuracy\), not Inception-v3: digitFrechet and digitKid are not comparable with published FID or KID\n$/,
  );
  // With the run's sample count, eval reproduces what training logged at that checkpoint.
  const json = JSON.parse(runIpmgan(['eval', run, '--json'], dir).stdout) as { metrics: Record<string, number> };
  for (const key of digitKeys) t.is(json.metrics[key], evaluation[key], key);
});
