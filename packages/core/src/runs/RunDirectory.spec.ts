import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { resolveConfig } from '../config/resolveConfig.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { RunDirectory } from './RunDirectory.js';

const plugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective] })];

/** A run directory with a (schema-invalid unless replaced) config and the given files. */
function runWith(files: Record<string, string>): RunDirectory {
  const path = mkdtempSync(join(tmpdir(), 'ipmgan-rundir-'));
  for (const [name, text] of Object.entries({ 'config.resolved.json': '{}', ...files })) {
    mkdirSync(join(path, name, '..'), { recursive: true });
    writeFileSync(join(path, name), text);
  }
  return new RunDirectory(path);
}

test('latest.json naming a path outside checkpoints/ is refused, naming the file and what was expected', (t) => {
  const run = runWith({ 'checkpoints/latest.json': '{"iteration": 2, "name": "../../../../etc"}' });
  const error = t.throws(() => run.latestCheckpoint(), { instanceOf: ConfigError });
  t.is(
    error.message,
    `${run.latestPath}: name: expected a checkpoint name iter-NNNNNNN inside checkpoints/, got "../../../../etc"`,
  );
});

test('latest.json whose name and iteration disagree, or that is not JSON, is named', (t) => {
  const mismatch = runWith({ 'checkpoints/latest.json': '{"iteration": 3, "name": "iter-0000002"}' });
  t.is(
    t.throws(() => mismatch.latestCheckpoint()).message,
    `${mismatch.latestPath}: name iter-0000002 does not match iteration 3`,
  );
  const torn = runWith({ 'checkpoints/latest.json': '{"iteration": 3, "na' });
  t.regex(t.throws(() => torn.latestCheckpoint()).message, /^.*latest\.json: not valid JSON \(.+\)$/);
  const good = runWith({ 'checkpoints/latest.json': '{"iteration": 20, "name": "iter-0000020"}' });
  t.deepEqual(good.latestCheckpoint(), { iteration: 20, path: join(good.checkpointsPath, 'iter-0000020') });
});

test('config.resolved.json is validated: "iterations": "many" and a negative batch size name the file and the field', (t) => {
  const saved = resolveConfig({ backend: 'cpu', objective: { name: 'linear-gap' }, data: { name: 'ring8' } }, plugins);
  const good = runWith({ 'config.resolved.json': JSON.stringify(saved) });
  t.deepEqual(good.readConfig(), JSON.parse(JSON.stringify(saved)));
  const many = runWith({
    'config.resolved.json': JSON.stringify({ ...saved, training: { ...saved.training, iterations: 'many' } }),
  });
  t.is(
    t.throws(() => many.readConfig(), { instanceOf: ConfigError }).message,
    `${many.configPath}: training.iterations: expected a number, got "many"`,
  );
  const negative = runWith({
    'config.resolved.json': JSON.stringify({ ...saved, training: { ...saved.training, batchSize: -4 } }),
  });
  t.is(
    t.throws(() => negative.readConfig(), { instanceOf: ConfigError }).message,
    `${negative.configPath}: training.batchSize: expected a positive number, got -4`,
  );
  const torn = runWith({ 'config.resolved.json': '{"seed": ' });
  t.regex(t.throws(() => torn.readConfig()).message, /config\.resolved\.json: not valid JSON \(.+\)$/);
});

test('metrics.jsonl: a torn last line is skipped, a bad line in the middle is named by file and line', (t) => {
  const line = (i: number): string =>
    JSON.stringify({
      iteration: i,
      criticLoss: null,
      generatorLoss: 1,
      estimateName: 'x',
      estimate: 2,
      elapsedSeconds: 0.5,
    });
  const torn = runWith({ 'metrics.jsonl': `${line(1)}\n${line(2)}\n{"iteration": 3, "crit` });
  t.deepEqual(
    torn.readMetrics().map((r) => r.iteration),
    [1, 2],
  );
  torn.truncateMetrics(1);
  t.is(readFileSync(torn.metricsPath, 'utf8'), `${line(1)}\n`);
  const bad = runWith({ 'metrics.jsonl': `${line(1)}\nnot json\n${line(3)}\n` });
  t.regex(t.throws(() => bad.readMetrics()).message, /metrics\.jsonl:2: not a JSON line \(.+\)$/);
  const wrong = runWith({ 'metrics.jsonl': `${line(1)}\n{"iteration": "two"}\n` });
  t.is(t.throws(() => wrong.readMetrics()).message, `${wrong.metricsPath}:2: iteration: expected a number, got "two"`);
});

test("beginWriting takes over a dead writer's lock and removes exactly its temporaries; anything else that looks like one stays", (t) => {
  // PID 2^22 + 1 is above Linux's pid_max limit, so no process has it.
  const dead = 4194305;
  const token = 'a1b2c3';
  const stale = `${String(dead)}-${token}`;
  const run = runWith({
    '.ipmgan.lock': JSON.stringify({ pid: dead, host: hostname(), token, since: '2026-01-01T00:00:00.000Z' }),
    [`checkpoints/iter-0000004.tmp-${stale}/tensors.bin`]: '',
    [`checkpoints/latest.json.tmp-${stale}`]: '{',
    [`metrics.jsonl.tmp-${stale}`]: '',
    [`samples/iter-0000004.csv.tmp-${stale}`]: '',
    // Not provably the dead writer's: another token, the old pid-only form, a user's file.
    [`checkpoints/iter-0000005.tmp-${String(dead)}-ffff`]: '',
    [`checkpoints/notes.tmp-${String(dead)}`]: 'mine',
    'checkpoints/iter-0000003/manifest.json': '{}',
  });
  const opened = RunDirectory.open(run.path, '--resume');
  // Opening to read changes nothing.
  t.true(readdirSync(run.path).includes(`metrics.jsonl.tmp-${stale}`));
  opened.beginWriting('--resume');
  t.deepEqual(readdirSync(run.checkpointsPath).sort(), [
    'iter-0000003',
    `iter-0000005.tmp-${String(dead)}-ffff`,
    `notes.tmp-${String(dead)}`,
  ]);
  t.deepEqual(readdirSync(run.path).sort(), ['.ipmgan.lock', 'checkpoints', 'config.resolved.json', 'samples']);
  t.deepEqual(readdirSync(run.samplesPath), []);
  const lock = JSON.parse(readFileSync(run.lockPath, 'utf8')) as { pid: number; host: string };
  t.deepEqual([lock.pid, lock.host], [process.pid, hostname()]);
  opened.close();
  t.false(existsSync(run.lockPath));
});

test('a lock held by a live process refuses a second writer with one line naming the holder; a reader is not refused', (t) => {
  const run = runWith({});
  // This test's parent process (ava) is alive and is not this process.
  const holder = { pid: process.ppid, host: hostname(), token: 'beef', since: '2026-01-01T00:00:00.000Z' };
  writeFileSync(run.lockPath, JSON.stringify(holder));
  const opened = RunDirectory.open(run.path, '--resume');
  const error = t.throws(() => {
    opened.beginWriting('--resume');
  }, { instanceOf: ConfigError });
  t.is(
    error.message,
    `--resume: ${run.path} is being written by process ${String(process.ppid)} on ${hostname()} (since 2026-01-01T00:00:00.000Z); wait for it to end, or delete ${run.lockPath} if it is gone`,
  );
  t.throws(() => {
    opened.refuseIfBusy('compare');
  }, { message: /^compare: .* is being written by process / });
  t.is(readFileSync(run.lockPath, 'utf8'), JSON.stringify(holder));
  // Another host's lock cannot be checked for liveness: refused as well.
  writeFileSync(run.lockPath, JSON.stringify({ ...holder, pid: 4194305, host: 'elsewhere' }));
  t.throws(() => {
    opened.beginWriting('--resume');
  }, { message: /being written by process 4194305 on elsewhere/ });
});

test('two RunDirectory objects of one run in one process share the lock; the last close removes it', (t) => {
  const run = runWith({});
  const a = RunDirectory.open(run.path, 'a');
  const b = RunDirectory.open(run.path, 'b');
  a.beginWriting('a');
  b.beginWriting('b');
  a.close();
  t.true(existsSync(run.lockPath));
  b.close();
  t.false(existsSync(run.lockPath));
});

test('open refuses checkpoints/ or samples/ linked out of the run, and a link inside the run is allowed', (t) => {
  const outside = mkdtempSync(join(tmpdir(), 'ipmgan-outside-'));
  const run = runWith({ 'checkpoints/latest.json': '{"iteration": 2, "name": "iter-0000002"}', 'own/a.csv': '1\n' });
  symlinkSync(join(run.path, 'own'), run.samplesPath);
  t.notThrows(() => RunDirectory.open(run.path, '--resume'));
  rmSync(run.samplesPath);
  symlinkSync(outside, run.samplesPath);
  t.is(
    t.throws(() => RunDirectory.open(run.path, '--resume'), { instanceOf: ConfigError }).message,
    `--resume: ${run.samplesPath} is a symbolic link to ${outside}, outside the run directory; a run is read and written only inside its own folder`,
  );
  rmSync(run.samplesPath);
  symlinkSync(join(outside, 'gone'), join(run.checkpointsPath, 'iter-0000002'));
  t.is(
    t.throws(() => RunDirectory.open(run.path, 'eval')).message,
    `eval: ${join(run.checkpointsPath, 'iter-0000002')} is a symbolic link to ${join(outside, 'gone')} (missing), outside the run directory; a run is read and written only inside its own folder`,
  );
});

test('discardProgress removes metrics.jsonl and the run\'s own sample files only, and refuses a run that has checkpoints', (t) => {
  const run = runWith({ 'metrics.jsonl': '{}\n', 'samples/iter-0000040.csv': '1,2\n', 'samples/notes.txt': 'mine' });
  run.discardProgress('compare');
  t.deepEqual(readdirSync(run.path).sort(), ['config.resolved.json', 'samples']);
  t.deepEqual(readdirSync(run.samplesPath), ['notes.txt']);
  const saved = runWith({ 'metrics.jsonl': '{}\n', 'checkpoints/iter-0000002/tensors.bin': '' });
  t.is(
    t.throws(() => {
      saved.discardProgress('compare');
    }).message,
    `compare: ${saved.path} has checkpoints; its progress is resumed from checkpoints/latest.json, never discarded`,
  );
  t.true(existsSync(saved.metricsPath));
});

test('open refuses a folder without config.resolved.json, naming the flag and the folder', (t) => {
  const path = mkdtempSync(join(tmpdir(), 'ipmgan-rundir-'));
  t.is(
    t.throws(() => RunDirectory.open(path, '--resume')).message,
    `--resume: not a run directory (no config.resolved.json in ${path})`,
  );
});

test('amendments.json: readConfig applies its changes in order; addAmendment appends; an unamendable path is named', (t) => {
  const saved = resolveConfig({ backend: 'cpu', objective: { name: 'linear-gap' }, data: { name: 'ring8' } }, plugins);
  const run = runWith({ 'config.resolved.json': JSON.stringify(saved) });
  t.deepEqual(run.readAmendments(), []);
  run.addAmendment({ fromIteration: 11, changes: [{ path: 'training.iterations', from: 1000, to: 2000 }] });
  run.addAmendment({
    fromIteration: 2001,
    changes: [
      { path: 'training.iterations', from: 2000, to: 3000 },
      { path: 'training.optimizers.critic.lr', from: saved.training.optimizers.critic.lr, to: 0 },
    ],
  });
  t.is(run.readAmendments().length, 2);
  const config = run.readConfig();
  t.is(config.training.iterations, 3000);
  t.is(config.training.optimizers.critic.lr, 0);
  t.is(config.training.optimizers.generator.lr, saved.training.optimizers.generator.lr);
  t.is(config.seed, saved.seed);
  writeFileSync(
    run.amendmentsPath,
    JSON.stringify({ amendments: [{ fromIteration: 3, changes: [{ path: 'training.batchSize', to: 8 }] }] }),
  );
  t.regex(
    t.throws(() => run.readConfig(), { instanceOf: ConfigError }).message,
    /^.*amendments\.json: training\.batchSize cannot change when a run is resumed \(its checkpoint was trained with it\); a resumed run may change training\.iterations, .*$/,
  );
});
