import { cpSync, existsSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { resealCheckpoint } from '@ipmgan/core/testing';
import test from 'ava';
import { badInputSuite, type BadInputCase } from './testing/badInputSuite.js';
import { trainRun } from './testing/trainRun.js';
import { withSpecDir } from './testing/withSpecDir.js';

/**
 * The run directory as a store, in the bad-input suite's form: every case spawns the built
 * binary on a run (or compare) directory that is linked out of itself, locked by a live
 * writer, missing its latest.json or holding a damaged checkpoint (each file kind), and
 * checks the exit code, exactly one ipmgan: line naming the file or run, no stack trace,
 * nothing on stdout, and that nothing under the fixture folder (the folders linked to
 * included) was written, removed or touched.
 */
const root = withSpecDir('run-store');
const run = trainRun(
  root,
  'good',
  'seed: 1\nobjective: { name: wgan }\ndata: { name: ring8 }\n' +
    'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    'training: { iterations: 2 }\nrun: { dir: out, logEvery: 1, checkpointEvery: 1, sampleEvery: 1 }\n' +
    'evaluation: { samples: 16, projections: 4 }\n',
);
const good = join(root, 'good.yaml');
for (const generated of ['report.html', 'report.md', 'figures']) rmSync(join(run, generated), { recursive: true });

/** A copy of the trained run with `change` applied to it. */
function brokenRun(name: string, change: (dir: string) => void): string {
  const dir = join(root, 'broken', name);
  cpSync(run, dir, { recursive: true });
  change(dir);
  return dir;
}
const checkpoint = (dir: string): string => join(dir, 'checkpoints', 'iter-0000002');
const latest = (dir: string): string => join(dir, 'checkpoints', 'latest.json');
/** A folder of the fixture outside every run, with a file a writer could mistake for its own temporary. */
function outside(name: string, from: string): string {
  const dir = join(root, 'outside', name);
  cpSync(from, dir, { recursive: true });
  // PID 2^22 + 1 is above Linux's pid_max: the old cleanup removed any *.tmp-<dead pid>.
  if (statSync(dir).isDirectory()) writeFileSync(join(dir, 'notes.tmp-4194305'), 'a file of the user\n');
  return dir;
}
/** Moves `dir/sub` out of the run and links it back. */
function linkOut(dir: string, sub: string, name: string): void {
  const target = outside(name, join(dir, sub));
  rmSync(join(dir, sub), { recursive: true });
  symlinkSync(target, join(dir, sub));
}
/** A lock held by this test's own process, which is alive and is not the ipmgan process. */
function lockedBy(dir: string, pid: number): void {
  writeFileSync(
    join(dir, '.ipmgan.lock'),
    JSON.stringify({ pid, host: hostname(), token: 'c0ffee', since: '2026-12-06T17:00:00.000Z' }),
  );
}
type Manifest = Record<string, unknown> & {
  groups: Record<string, { name: string; shape: number[]; offset: number }[]>;
  rng: unknown;
};
/** Edits the checkpoint's manifest and seals it again: the change reaches the checks behind the checksums. */
function editManifest(dir: string, edit: (manifest: Manifest) => void): void {
  resealCheckpoint(checkpoint(dir), (m) => {
    edit(m as Manifest);
  });
}

const broken = {
  checkpointsOut: brokenRun('checkpoints-out', (d) => {
    linkOut(d, 'checkpoints', 'checkpoints');
  }),
  samplesOut: brokenRun('samples-out', (d) => {
    linkOut(d, 'samples', 'samples');
  }),
  checkpointFolderOut: brokenRun('checkpoint-folder-out', (d) => {
    linkOut(d, join('checkpoints', 'iter-0000002'), 'iter-0000002');
  }),
  latestOut: brokenRun('latest-out', (d) => {
    linkOut(d, join('checkpoints', 'latest.json'), 'latest.json');
  }),
  metricsOut: brokenRun('metrics-out', (d) => {
    linkOut(d, 'metrics.jsonl', 'metrics.jsonl');
  }),
  locked: brokenRun('locked', (d) => {
    lockedBy(d, process.pid);
  }),
  manifestAltered: brokenRun('manifest-altered', (d) => {
    const path = join(checkpoint(d), 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"iteration":2', '"iteration":1'));
  }),
  manifestUnsealed: brokenRun('manifest-unsealed', (d) => {
    const path = join(checkpoint(d), 'manifest.json');
    const { sha256: _sealed, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify(rest));
  }),
  formatOne: brokenRun('format-one', (d) => {
    const path = join(checkpoint(d), 'manifest.json');
    const {
      sha256: _sealed,
      files: _files,
      ...rest
    } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...rest, format: 'ipmgan-checkpoint-1' }));
  }),
  manifestIteration: brokenRun('manifest-iteration', (d) => {
    editManifest(d, (m) => {
      m.iteration = 1;
    });
  }),
  latestElsewhere: brokenRun('latest-elsewhere', (d) => {
    // latest.json names iteration 1, whose folder holds iteration 2's checkpoint.
    cpSync(checkpoint(d), join(d, 'checkpoints', 'iter-0000001'), { recursive: true, force: true });
    writeFileSync(latest(d), '{"iteration": 1, "name": "iter-0000001"}');
  }),
  tensorsAltered: brokenRun('tensors-altered', (d) => {
    const path = join(checkpoint(d), 'tensors.bin');
    const bytes = readFileSync(path);
    bytes.writeFloatLE(bytes.readFloatLE(0) + 0.25, 0);
    writeFileSync(path, bytes);
  }),
  zeroOffsets: brokenRun('zero-offsets', (d) => {
    editManifest(d, (m) => {
      for (const entries of Object.values(m.groups)) for (const e of entries) e.offset = 0;
    });
  }),
  wrongShape: brokenRun('wrong-shape', (d) => {
    // The same 16 values, transposed: the layout still fits, the network does not.
    editManifest(d, (m) => {
      const kernel = m.groups.generator?.[0];
      if (kernel) kernel.shape = [8, 2];
    });
  }),
  slotsMissing: brokenRun('slots-missing', (d) => {
    // The critic's RMSProp mean squares of its last two variables, dropped from the manifest
    // and from the end of tensors.bin (the critic optimizer is the last group).
    const path = join(checkpoint(d), 'tensors.bin');
    let dropped = 0;
    editManifest(d, (m) => {
      const slots = m.groups.criticOptimizer ?? [];
      for (const e of slots.splice(-2)) dropped += e.shape.reduce((a, b) => a * b, 1);
    });
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.byteLength - dropped * 4));
    resealCheckpoint(checkpoint(d));
  }),
  slotRenamed: brokenRun('slot-renamed', (d) => {
    editManifest(d, (m) => {
      const slot = m.groups.criticOptimizer?.[1];
      if (slot) slot.name = 'slot0/m';
    });
  }),
  rngJunk: brokenRun('rng-junk', (d) => {
    editManifest(d, (m) => {
      m.rng = [1, 2, 'three', 4];
    });
  }),
  rngShort: brokenRun('rng-short', (d) => {
    editManifest(d, (m) => {
      m.rng = [1, 2, 3];
    });
  }),
  rngHuge: brokenRun('rng-huge', (d) => {
    editManifest(d, (m) => {
      m.rng = [1, 2, 3, 2 ** 40];
    });
  }),
};

/** A compare directory holding a copy of the trained run as wgan-seed1 with `change` applied, and its compare.json. */
function compareDir(name: string, change: (runDir: string) => void): string {
  const dir = join(root, 'compares', name);
  cpSync(run, join(dir, 'wgan-seed1'), { recursive: true });
  const runDir = join(dir, 'wgan-seed1');
  editRunConfig(runDir);
  change(runDir);
  const record = {
    config: good,
    baseDir: root,
    runs: [{ label: 'wgan', objective: 'wgan', settings: {}, seed: 1, directory: 'wgan-seed1' }],
  };
  writeFileSync(join(dir, 'compare.json'), JSON.stringify(record));
  return dir;
}
/** Four iterations to go: the run is unfinished, so compare --resume would train it. */
function editRunConfig(runDir: string): void {
  const path = join(runDir, 'config.resolved.json');
  const config = JSON.parse(readFileSync(path, 'utf8')) as { training: Record<string, unknown> };
  config.training.iterations = 4;
  writeFileSync(path, JSON.stringify(config));
}
const compares = {
  noLatest: compareDir('no-latest', (d) => {
    rmSync(latest(d));
    writeFileSync(join(d, 'samples', 'mine.txt'), 'a file of the user\n');
  }),
  tensorsAltered: compareDir('tensors-altered', (d) => {
    const path = join(checkpoint(d), 'tensors.bin');
    const bytes = readFileSync(path);
    bytes.writeFloatLE(0, 8);
    writeFileSync(path, bytes);
  }),
  noCheckpoints: compareDir('no-checkpoints', (d) => {
    // Two lines logged with a checkpoint every iteration: the checkpoints were lost.
    rmSync(join(d, 'checkpoints'), { recursive: true });
    writeFileSync(join(d, 'samples', 'mine.txt'), 'a file of the user\n');
  }),
  unreadable: compareDir('unreadable', (d) => {
    writeFileSync(join(checkpoint(d), 'manifest.json'), '{"format":');
  }),
  checkpointsOut: compareDir('checkpoints-out', (d) => {
    linkOut(d, 'checkpoints', 'compare-checkpoints');
  }),
  locked: compareDir('locked', (d) => {
    lockedBy(d, process.pid);
  }),
};

const resume = (dir: string): string[] => ['train', '--resume', dir, '--iterations', '4'];
const escape = 'is a symbolic link to';

const cases: BadInputCase[] = [
  // ---- links out of the run ----
  [
    'resume: checkpoints/ linked out',
    resume(broken.checkpointsOut),
    2,
    `${broken.checkpointsOut}/checkpoints ${escape}`,
  ],
  ['resume: samples/ linked out', resume(broken.samplesOut), 2, `${broken.samplesOut}/samples ${escape}`],
  [
    'resume: a checkpoint folder linked out',
    resume(broken.checkpointFolderOut),
    2,
    `checkpoints/iter-0000002 ${escape}`,
  ],
  ['resume: latest.json linked out', resume(broken.latestOut), 2, `checkpoints/latest.json ${escape}`],
  ['resume: metrics.jsonl linked out', resume(broken.metricsOut), 2, `metrics.jsonl ${escape}`],
  ['eval: checkpoints/ linked out', ['eval', broken.checkpointsOut], 2, `checkpoints ${escape}`],
  ['sample: samples/ linked out', ['sample', broken.samplesOut, '-n', '4', '-o', 'x.csv'], 2, `samples ${escape}`],
  // ---- the writer's lock ----
  [
    'resume: a run another live process writes',
    resume(broken.locked),
    2,
    `--resume: ${broken.locked} is being written by process ${String(process.pid)} on ${hostname()}`,
  ],
  // ---- damaged checkpoints, one per file kind ----
  [
    'resume: manifest.json altered',
    resume(broken.manifestAltered),
    2,
    'manifest.json: its SHA-256 does not match its content',
  ],
  ['resume: manifest.json without its SHA-256', resume(broken.manifestUnsealed), 2, 'manifest.json: sha256:'],
  [
    'resume: a format-1 checkpoint (no checksums)',
    resume(broken.formatOne),
    2,
    'manifest.json: format ipmgan-checkpoint-1 has no checksums',
  ],
  [
    "resume: the manifest's iteration is not latest.json's",
    resume(broken.manifestIteration),
    2,
    'iter-0000002/manifest.json: iteration 1 does not match its folder iter-0000002',
  ],
  [
    'resume: latest.json names a folder holding another iteration',
    resume(broken.latestElsewhere),
    2,
    'iter-0000001/manifest.json: iteration 2 does not match its folder iter-0000001',
  ],
  [
    'resume: tensors.bin altered bytes',
    resume(broken.tensorsAltered),
    2,
    "tensors.bin: its SHA-256 does not match the manifest's",
  ],
  [
    'resume: zeroed offsets',
    resume(broken.zeroOffsets),
    2,
    'manifest.json: groups.generator.1 (generator_1/layer0/bias) starts at value 0, expected 16',
  ],
  [
    'resume: a wrong shape',
    resume(broken.wrongShape),
    2,
    "manifest.json: generator.0 (generator_1/layer0/kernel) is [8, 2], the network's [2, 8]",
  ],
  [
    'resume: optimizer slots missing',
    resume(broken.slotsMissing),
    2,
    // 2 iterations of 5 critic steps; one mean square for each of the critic's 4 variables.
    'manifest.json: criticOptimizer holds 2 slots after 10 steps, its optimizer keeps 4 (square for 4 variables)',
  ],
  [
    'resume: an optimizer slot of another kind',
    resume(broken.slotRenamed),
    2,
    'manifest.json: criticOptimizer slot "slot0/m" is not one of slot<0..3>/<square>',
  ],
  ['resume: RNG state not numbers', resume(broken.rngJunk), 2, 'manifest.json: rng.2:'],
  ['resume: RNG state of three words', resume(broken.rngShort), 2, 'manifest.json: rng:'],
  ['resume: RNG word past 32 bits', resume(broken.rngHuge), 2, 'manifest.json: rng.3:'],
  ['eval: tensors.bin altered bytes', ['eval', broken.tensorsAltered], 2, 'tensors.bin: its SHA-256 does not match'],
  ['eval: a wrong shape', ['eval', broken.wrongShape], 2, 'generator.0 (generator_1/layer0/kernel) is [8, 2]'],
  [
    'sample: manifest.json altered',
    ['sample', broken.manifestAltered, '-n', '4', '-o', 'x.csv'],
    2,
    'manifest.json: its SHA-256 does not match',
  ],
  // ---- compare --resume treats a run's checkpoints as train --resume does ----
  [
    'compare --resume: a run with checkpoints but no latest.json',
    ['compare', '--resume', compares.noLatest],
    2,
    `compare.json: run wgan-seed1: ${compares.noLatest}/wgan-seed1/checkpoints has no latest.json`,
  ],
  [
    'compare --resume: a run whose checkpoints/ is gone',
    ['compare', '--resume', compares.noCheckpoints],
    2,
    `compare.json: run wgan-seed1: ${compares.noCheckpoints}/wgan-seed1 logged iteration 2 but has no checkpoint (the first was due at 1)`,
  ],
  [
    "compare --resume: a run's tensors.bin altered",
    ['compare', '--resume', compares.tensorsAltered],
    2,
    "wgan-seed1/checkpoints/iter-0000002/tensors.bin: its SHA-256 does not match the manifest's",
  ],
  [
    "compare --resume: a run's manifest unreadable",
    ['compare', '--resume', compares.unreadable],
    2,
    'wgan-seed1/checkpoints/iter-0000002/manifest.json: not valid JSON',
  ],
  [
    "compare --resume: a run's checkpoints/ linked out",
    ['compare', '--resume', compares.checkpointsOut],
    2,
    `compare.json: run wgan-seed1: ${compares.checkpointsOut}/wgan-seed1/checkpoints ${escape}`,
  ],
  [
    'compare --resume: a run another live process writes',
    ['compare', '--resume', compares.locked],
    2,
    `compare.json: run wgan-seed1: ${compares.locked}/wgan-seed1 is being written by process ${String(process.pid)}`,
  ],
];

test(`the run-store suite has ${String(cases.length)} cases with unique names`, (t) => {
  t.true(cases.length >= 30, String(cases.length));
  t.is(new Set(cases.map((c) => c[0])).size, cases.length);
});

badInputSuite(cases, root, (t) => {
  t.true(existsSync(join(root, 'outside', 'checkpoints', 'notes.tmp-4194305')));
});
