import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

test('open with clean removes the temporaries of dead writers and keeps a live one', (t) => {
  // PID 2^22 + 1 is above Linux's pid_max limit, so no process has it.
  const dead = String(4194305);
  const live = String(process.pid);
  const run = runWith({
    [`checkpoints/iter-0000004.tmp-${dead}/tensors.bin`]: '',
    [`checkpoints/latest.json.tmp-${dead}`]: '{',
    [`metrics.jsonl.tmp-${dead}`]: '',
    [`checkpoints/iter-0000005.tmp-${live}/tensors.bin`]: '',
    'checkpoints/iter-0000003/manifest.json': '{}',
  });
  RunDirectory.open(run.path, '--resume', { clean: true });
  t.deepEqual(readdirSync(run.checkpointsPath).sort(), ['iter-0000003', `iter-0000005.tmp-${live}`]);
  t.deepEqual(readdirSync(run.path).sort(), ['checkpoints', 'config.resolved.json']);
  t.deepEqual(run.savedCheckpoints(), [3]);
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
