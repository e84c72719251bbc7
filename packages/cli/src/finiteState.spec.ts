import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resealCheckpoint } from '@ipmgan/core/testing';
import test from 'ava';
import { withSpecDir } from './testing/withSpecDir.js';
import { runIpmgan } from './testing/runIpmgan.js';

const dir = withSpecDir('cli-finite');

interface Manifest {
  groups: Record<string, { name: string; shape: number[]; offset: number }[]>;
}

function config(name: string, extra: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\nseed: 3\nobjective: { name: wgan }\ndata: { name: ring8 }\n` +
      'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      `training: { iterations: 6 }\nrun: { dir: runs-${name}, logEvery: 1, checkpointEvery: 1 }\n` +
      'evaluation: { samples: 32, projections: 8 }\n' +
      extra,
  );
  return file;
}

function allFinite(checkpoint: string): boolean {
  const bytes = readFileSync(join(checkpoint, 'tensors.bin'));
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).every(Number.isFinite);
}

/** A finished run of 6 iterations. */
function finishedRun(name: string): string {
  const { code, stdout, stderr } = runIpmgan(['train', '-c', config(name, '')], dir);
  if (code !== 0) throw new Error(stderr);
  return /results in (\S+)/.exec(stdout)?.[1] ?? '';
}

/** Overwrites tensor `pick` of `group` in the run's latest checkpoint with `value`. */
function poison(
  run: string,
  group: string,
  pick: (entries: Manifest['groups'][string]) => number,
  value: number,
): string {
  const checkpoint = join(run, 'checkpoints', 'iter-0000006');
  const manifest = JSON.parse(readFileSync(join(checkpoint, 'manifest.json'), 'utf8')) as Manifest;
  const entries = manifest.groups[group] ?? [];
  const entry = entries[pick(entries)];
  if (!entry) throw new Error(`no tensor in ${group}`);
  const bytes = readFileSync(join(checkpoint, 'tensors.bin'));
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  all.fill(value, entry.offset, entry.offset + entry.shape.reduce((a, b) => a * b, 1));
  writeFileSync(join(checkpoint, 'tensors.bin'), bytes);
  // Sealed again, so the checks behind the checksum (finite values) are what answers.
  resealCheckpoint(checkpoint);
  return entry.name;
}

const adamAt = (lr: number): string[] => [
  '--set',
  'objective.name=gan',
  '--set',
  `training.optimizers.critic={"name":"adam","lr":${String(lr)}}`,
  '--set',
  `training.optimizers.generator={"name":"adam","lr":${String(lr)}}`,
];

test('Adam at lr 1e12 overflows the second moments with finite losses: exit 1, the state is named, no checkpoint written', (t) => {
  const { code, stdout, stderr } = runIpmgan(['train', '-c', config('adam', ''), ...adamAt(1e12)], dir);
  t.is(code, 1);
  t.is(stdout, '');
  const lines = stderr.split('\n').filter((l) => l !== '' && !/^\d+\/\d+ /.test(l));
  // The generator's 2*8 + 8 + 8*2 + 2 = 42 parameters: every second moment g^2 overflows float32.
  t.is(
    lines.at(-1),
    'ipmgan: training diverged: the training state holds 42 non-finite values (first: generatorOptimizer/slot0/v = Infinity) at iteration 1; last good checkpoint: none',
  );
  const run = join(dir, 'runs-adam', readdirSync(join(dir, 'runs-adam'))[0] ?? '');
  const checkpoints = join(run, 'checkpoints');
  t.deepEqual(existsSync(checkpoints) ? readdirSync(checkpoints) : [], []);
});

test('a checkpoint with a NaN tensor: eval, sample and train --resume refuse it in one line, exit 1, and write nothing', (t) => {
  const run = finishedRun('poisoned');
  const bias = poison(run, 'generator', (entries) => entries.findIndex((e) => e.shape.join() === '8'), Number.NaN);
  const checkpoint = join(run, 'checkpoints', 'iter-0000006');
  const message = `ipmgan: ${checkpoint}: the checkpoint holds 8 non-finite values (first in generator/${bias}); it cannot be used\n`;
  const metricsBefore = readFileSync(join(run, 'metrics.jsonl'), 'utf8');

  const evaluated = runIpmgan(['eval', run, '--json'], dir);
  t.is(evaluated.stderr, message);
  t.is(evaluated.stdout, '');
  t.is(evaluated.code, 1);

  const out = join(dir, 'poisoned.csv');
  const sampled = runIpmgan(['sample', run, '-n', '4', '-o', out], dir);
  t.is(sampled.stderr, message);
  t.is(sampled.code, 1);
  t.false(existsSync(out));

  const resumed = runIpmgan(['train', '--resume', run, '--iterations', '8'], dir);
  t.is(
    resumed.stderr
      .split('\n')
      .filter((l) => l !== '')
      .at(-1),
    message.trim(),
  );
  t.is(resumed.code, 1);
  t.is(readFileSync(join(run, 'metrics.jsonl'), 'utf8'), metricsBefore);
});

test('a finite checkpoint whose samples overflow: eval --json writes "Infinity"/"NaN", not null, and exits 1; sample writes nothing', (t) => {
  const run = finishedRun('overflow');
  // The generator's output kernel [8, 2] at 3e38: any positive hidden unit overflows float32.
  poison(run, 'generator', (entries) => entries.findIndex((e) => e.shape.join() === '8,2'), 3e38);
  const checkpoint = join(run, 'checkpoints', 'iter-0000006');
  t.true(allFinite(checkpoint));

  const evaluated = runIpmgan(['eval', run, '--json'], dir);
  t.is(evaluated.code, 1);
  t.regex(
    evaluated.stderr,
    /^ipmgan: eval: w1 is (NaN|Infinity)[^\n]* at checkpoint 6 \(the generator's samples are not finite\)\n$/,
  );
  const printed = JSON.parse(evaluated.stdout) as { metrics: Record<string, unknown> };
  t.false(Object.values(printed.metrics).includes(null), 'no metric is null');
  t.true(['NaN', 'Infinity'].includes(String(printed.metrics.w1)));

  const out = join(dir, 'overflow.csv');
  const sampled = runIpmgan(['sample', run, '-n', '64', '-o', out], dir);
  t.regex(
    sampled.stderr,
    new RegExp(
      `^ipmgan: the generator's samples at iteration 6 hold \\d+ non-finite values; nothing written to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`,
    ),
  );
  t.is(sampled.code, 1);
  t.false(existsSync(out));
});
