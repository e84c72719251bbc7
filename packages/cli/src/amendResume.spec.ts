import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { withSpecDir } from './testing/withSpecDir.js';
import { runIpmgan } from './testing/runIpmgan.js';
import { snapshotFiles } from './testing/snapshotFiles.js';

/**
 * `train --resume RUN --set ...`: a run continues with changed optimizer, length, logging or
 * evaluation settings, recorded in amendments.json with the iteration they take effect from;
 * fields the checkpoint was trained with stay refused.
 */
const dir = withSpecDir('amend-resume');

// gan: Adam for both players (TorchAdam), no constraint; every iteration logged, no evaluation.
const config = join(dir, 'ipmgan.config.yaml');
writeFileSync(
  config,
  'seed: 3\nobjective: { name: gan }\ndata: { name: ring8 }\n' +
    'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    'training: { iterations: 6, batchSize: 16 }\n' +
    'run: { dir: runs, logEvery: 1, checkpointEvery: 3, sampleEvery: 0, evaluateEvery: 0 }\n',
);

/** Trains a fresh run of `iterations` into its own folder and returns the run directory. */
function trained(name: string, iterations: number): string {
  const result = runIpmgan(
    ['train', '-c', config, '--set', `run.dir=${name}`, '--iterations', String(iterations)],
    dir,
  );
  if (result.code !== 0) throw new Error(result.stderr);
  const runs = join(dir, name);
  return join(runs, readdirSync(runs)[0] ?? '');
}

const base = trained('base', 6);

/** A copy of the 6-iteration run to amend. */
function copyOfBase(name: string): string {
  const copy = join(dir, 'copies', name);
  cpSync(base, copy, { recursive: true });
  return copy;
}

/** metrics.jsonl's records without the clock. */
function metrics(run: string): Record<string, unknown>[] {
  return readFileSync(join(run, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      delete record.elapsedSeconds;
      return record;
    });
}

interface Entry {
  readonly name: string;
  readonly shape: number[];
  readonly offset: number;
}

/** A checkpoint's tensors of one group (generator, critic, criticOptimizer, ...), as float32 arrays. */
function group(run: string, iteration: number, name: string): number[][] {
  const folder = join(run, 'checkpoints', `iter-${String(iteration).padStart(7, '0')}`);
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
    groups: Record<string, Entry[]>;
  };
  const bytes = readFileSync(join(folder, 'tensors.bin'));
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return (manifest.groups[name] ?? []).map((e) =>
    Array.from(all.subarray(e.offset, e.offset + e.shape.reduce((a, b) => a * b, 1))),
  );
}

const saved = JSON.parse(readFileSync(join(base, 'config.resolved.json'), 'utf8')) as {
  training: { optimizers: { critic: { lr: number }; generator: { lr: number } } };
};

test('lr 0 for both players from the checkpoint at 6 on: 4 more iterations leave every weight byte-identical, the Adam moments move', (t) => {
  const run = copyOfBase('lr-zero');
  const before = readFileSync(join(run, 'metrics.jsonl'), 'utf8');
  const result = runIpmgan(
    [
      'train',
      '--resume',
      run,
      '--set',
      'training.optimizers.critic.lr=0',
      '--set',
      'training.optimizers.generator.lr=0',
      '--set',
      'training.iterations=10',
    ],
    dir,
  );
  t.is(result.code, 0, result.stderr);
  // w - 0 * step = w exactly (and -0 + 0 = +0), so a zero learning rate freezes the weights bit for bit.
  t.deepEqual(group(run, 10, 'generator'), group(run, 6, 'generator'));
  t.deepEqual(group(run, 10, 'critic'), group(run, 6, 'critic'));
  // The optimizers did step: their first moments are not those of iteration 6.
  t.notDeepEqual(group(run, 10, 'generatorOptimizer'), group(run, 6, 'generatorOptimizer'));
  t.notDeepEqual(group(run, 10, 'criticOptimizer'), group(run, 6, 'criticOptimizer'));
  // Exactly the extra 4 iterations were trained and logged after the 6 lines kept byte for byte.
  const after = readFileSync(join(run, 'metrics.jsonl'), 'utf8');
  t.true(after.startsWith(before));
  t.deepEqual(
    metrics(run).map((m) => m.iteration),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
  t.deepEqual(JSON.parse(readFileSync(join(run, 'amendments.json'), 'utf8')), {
    amendments: [
      {
        fromIteration: 7,
        changes: [
          { path: 'training.optimizers.critic.lr', from: saved.training.optimizers.critic.lr, to: 0 },
          { path: 'training.optimizers.generator.lr', from: saved.training.optimizers.generator.lr, to: 0 },
          { path: 'training.iterations', from: 6, to: 10 },
        ],
      },
    ],
  });
  // config.resolved.json stays as written; the report shows the config in effect and the amendment.
  t.is(
    readFileSync(join(run, 'config.resolved.json'), 'utf8'),
    readFileSync(join(base, 'config.resolved.json'), 'utf8'),
  );
  const report = readFileSync(join(run, 'report.md'), 'utf8');
  t.true(report.includes('| iterations | 10 |'), report);
  t.true(
    report.includes(
      `| amendments | from iteration 7: training.optimizers.critic.lr ${String(saved.training.optimizers.critic.lr)} → 0, ` +
        `training.optimizers.generator.lr ${String(saved.training.optimizers.generator.lr)} → 0, training.iterations 6 → 10 |`,
    ),
    report,
  );
});

test('--iterations 9 on the 6-iteration run trains exactly iterations 7 to 9, as a fresh 9-iteration run does', (t) => {
  const run = copyOfBase('longer');
  const result = runIpmgan(['train', '--resume', run, '--iterations', '9'], dir);
  t.is(result.code, 0, result.stderr);
  const straight = trained('straight', 9);
  t.deepEqual(metrics(run), metrics(straight));
  t.deepEqual(group(run, 9, 'generator'), group(straight, 9, 'generator'));
  t.deepEqual(JSON.parse(readFileSync(join(run, 'amendments.json'), 'utf8')), {
    amendments: [{ fromIteration: 7, changes: [{ path: 'training.iterations', from: 6, to: 9 }] }],
  });
  // A second amendment is appended; the config in effect is the saved one with both applied.
  const again = runIpmgan(['train', '--resume', run, '--set', 'run.logEvery=2', '--iterations', '12'], dir);
  t.is(again.code, 0, again.stderr);
  const amendments = JSON.parse(readFileSync(join(run, 'amendments.json'), 'utf8')) as { amendments: unknown[] };
  t.deepEqual(amendments.amendments[1], {
    fromIteration: 10,
    changes: [
      { path: 'run.logEvery', from: 1, to: 2 },
      { path: 'training.iterations', from: 9, to: 12 },
    ],
  });
  // logEvery 2 from iteration 10 on: 10 and 12 are logged (12 is also the last), 11 is not.
  t.deepEqual(
    metrics(run).map((m) => m.iteration),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12],
  );
});

test('a field the checkpoint was trained with is refused in one line, and nothing in the run changes', (t) => {
  const run = copyOfBase('refused');
  const before = snapshotFiles(run);
  for (const field of ['seed=4', 'critic.network.options.hidden=[4]', 'training.optimizers.critic.name=sgd']) {
    const result = runIpmgan(['train', '--resume', run, '--set', field], dir);
    const path = field.slice(0, field.indexOf('='));
    t.is(
      result.stderr,
      `ipmgan: --set: ${path} cannot change when a run is resumed (its checkpoint was trained with it); a resumed run may change ` +
        'training.iterations, training.optimizers.<critic|generator>.<lr|beta1|beta2|epsilon|decay|momentum>, ' +
        'run.<logEvery|checkpointEvery|sampleEvery|sampleCount|evaluateEvery>, evaluation.*\n',
    );
    t.is(result.code, 2);
    t.is(result.stdout, '');
  }
  const shorter = runIpmgan(['train', '--resume', run, '--iterations', '5'], dir);
  t.is(shorter.stderr, "ipmgan: --set: training.iterations 5 is not past the checkpoint's iteration 6\n");
  t.is(shorter.code, 2);
  t.deepEqual(snapshotFiles(run), before);
  t.false(existsSync(join(run, 'amendments.json')));
});
