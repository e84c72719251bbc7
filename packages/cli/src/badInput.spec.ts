import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { makeTempDir } from './testing/makeTempDir.js';
import { TINY_WGAN_CONFIG } from './testing/TINY_WGAN_CONFIG.js';
import { runIpmgan } from './testing/runIpmgan.js';
import { badInputSuite, type BadInputCase } from './testing/badInputSuite.js';
import { npyBytes, resealCheckpoint } from '@ipmgan/core/testing';

/**
 * The bad-input suite: every case spawns the built binary on a bad config, data file, run
 * directory, flag or plugin and checks the exit code, exactly one line on stderr with the
 * ipmgan: prefix that names the field or file, no stack trace, nothing on stdout, and
 * that nothing under the fixture folder was written or changed.
 */
const root = makeTempDir('bad-input');
test.after.always(() => {
  rmSync(root, { recursive: true, force: true });
});

const base = TINY_WGAN_CONFIG;

function write(name: string, content: string | Uint8Array): string {
  const path = join(root, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

// ---- fixtures ---------------------------------------------------------------------------
const good = write('good.yaml', base);
const trained = runIpmgan(['train', '-c', good], root);
if (trained.code !== 0) throw new Error(trained.stderr);
const run = /results in (\S+)/.exec(trained.stdout)?.[1] ?? '';
rmSync(join(run, 'report.html'), { force: true });

/** A copy of the trained run with `change` applied to it. */
function brokenRun(name: string, change: (dir: string) => void): string {
  const dir = join(root, 'broken', name);
  cpSync(run, dir, { recursive: true });
  change(dir);
  return dir;
}
const configOf = (dir: string): Record<string, Record<string, unknown>> =>
  JSON.parse(readFileSync(join(dir, 'config.resolved.json'), 'utf8')) as Record<string, Record<string, unknown>>;
function editConfig(dir: string, edit: (c: Record<string, Record<string, unknown>>) => void): void {
  const config = configOf(dir);
  edit(config);
  writeFileSync(join(dir, 'config.resolved.json'), JSON.stringify(config));
}
const latest = (dir: string): string => join(dir, 'checkpoints', 'latest.json');
const checkpoint = (dir: string): string => join(dir, 'checkpoints', 'iter-0000002');

write('points.csv', '1,2\n3,4\n5,6\n');
write('data/ragged.csv', '1,2\n3,4,5\n');
write('data/cell.csv', '1,2\n3,abc\n');
write('data/big.csv', '1,2\n3,1e39\n');
write('data/empty.csv', '');
write('data/header.csv', 'x,y\n');
write('data/text.npy', '1,2\n');
write('data/fortran.npy', npyBytes([3, 2], [0, 1, 2, 3, 4, 5], { fortran: true }));
write('data/nan.npy', npyBytes([3, 2], [0, 1, 2, 3, Number.NaN, 5]));
write('data/big.npy', npyBytes([3, 2], [0, 1, 2, 3, 4, 1e39], { descr: '<f8' }));
write('data/flat.npy', npyBytes([6], [0, 1, 2, 3, 4, 5]));
write('data/short.npy', npyBytes([3, 2], [0, 1, 2, 3, 4]));
write('data/int.npy', npyBytes([3, 2], [0, 1, 2, 3, 4, 5], { descr: '<i4' }));
write('data/zero.npy', npyBytes([0, 2], []));
write('a.csv', '0,0\n1,1\n');
write('b.csv', '0,1\n1,0\n');
write('dupkey.yaml', `${base}seed: 2\n`);
write('badindent.yaml', 'seed: 1\n  objective: wgan\n data: x\n');
write('ipmgan.config.json', '{"seed": 1,, }');
write('broken.json', '{"seed": 1, "data": }');
write('empty.yaml', '');
write('list.yaml', '- 1\n- 2\n');
write('scalar.yaml', '42\n');
write('config.toml', 'seed = 1\n');
write('tabs.yaml', 'seed: 1\n\tobjective: { name: wgan }\n');
write('unclosed.yaml', 'seed: 1\nobjective: { name: wgan\ndata: { name: ring8 }\n');
write('truncated.json', '{"seed": 1,\n  "objective": {"name": "wgan"}\n');
write('trailing-comma.json', '{\n  "seed": 1,\n  "data": {"name": "ring8",}\n}\n');
write('plugin-throws.mjs', "throw new Error('boom at import');\n");
write('plugin-empty.mjs', 'export const nothing = 1;\n');
// A plugin module is any object with load(options); this one takes core's generator.
write(
  'plugin-overreach.mjs',
  "export const ipmganPlugin = { name: 'overreach', version: '0.0.0', extensions: [], module: { load: ({ rebind }) => { rebind(Symbol.for('@ipmgan/core/Generator')).toConstantValue({}); } } };\n",
);
// An objective package in the fixture's node_modules: WGAN's losses with a requirement that
// refuses weight clipping (what an objective that needs an unclipped critic declares).
write(
  'node_modules/ipmgan-refuses/package.json',
  JSON.stringify({
    name: 'ipmgan-refuses',
    version: '0.0.0',
    type: 'module',
    main: 'index.js',
    ipmganPlugin: { objective: 'wgan-unclipped' },
  }),
);
write(
  'node_modules/ipmgan-refuses/index.js',
  "import { definePlugin } from '@ipmgan/core';\n" +
    "import { wgan } from '@ipmgan/critic-wgan';\n" +
    "const refuses = [{ id: 'weight-clipping', reason: 'its critic must stay unclipped' }];\n" +
    "export const ipmganPlugin = definePlugin({ name: 'ipmgan-refuses', version: '0.0.0', extensions: [{ ...wgan, id: 'wgan-unclipped', aliases: [], defaults: { ...wgan.defaults, constraints: [] }, create: (options) => ({ ...wgan.create(options), id: 'wgan-unclipped', requires: { critic: { output: 'score' }, refusesConstraints: refuses } }) }] });\n",
);
write('a-file', 'not a directory\n');
write('existing.yaml', 'seed: 1\n');
mkdirSync(join(root, 'emptydir'));

const set = (...assignments: string[]): string[] => ['train', '-c', good, ...assignments.flatMap((a) => ['--set', a])];
const csv = (path: string): string[] => set('data={"name":"csv","options":{"path":"' + path + '"}}');
const npyData = (path: string): string[] => set('data={"name":"npy","options":{"path":"' + path + '"}}');

const broken = {
  notJson: brokenRun('not-json', (d) => {
    writeFileSync(join(d, 'config.resolved.json'), '{"seed": 1,');
  }),
  many: brokenRun('many', (d) => {
    editConfig(d, (c) => {
      c.training = { ...c.training, iterations: 'many' };
    });
  }),
  negativeBatch: brokenRun('negative-batch', (d) => {
    editConfig(d, (c) => {
      c.training = { ...c.training, batchSize: -4 };
    });
  }),
  noObjective: brokenRun('no-objective', (d) => {
    editConfig(d, (c) => {
      delete c.objective;
    });
  }),
  badOptimizer: brokenRun('bad-optimizer', (d) => {
    editConfig(d, (c) => {
      c.training = { ...c.training, optimizers: { critic: { name: 'adagrad', lr: 1 } } };
    });
  }),
  escape: brokenRun('escape', (d) => {
    writeFileSync(latest(d), '{"iteration": 2, "name": "../../../../etc"}');
  }),
  tornLatest: brokenRun('torn-latest', (d) => {
    writeFileSync(latest(d), '{"iteration": 2, "na');
  }),
  mismatch: brokenRun('mismatch', (d) => {
    writeFileSync(latest(d), '{"iteration": 1, "name": "iter-0000002"}');
  }),
  latestString: brokenRun('latest-string', (d) => {
    writeFileSync(latest(d), '"iter-0000002"');
  }),
  noManifest: brokenRun('no-manifest', (d) => {
    rmSync(join(checkpoint(d), 'manifest.json'));
  }),
  noTensors: brokenRun('no-tensors', (d) => {
    rmSync(join(checkpoint(d), 'tensors.bin'));
  }),
  manifestJson: brokenRun('manifest-json', (d) => {
    writeFileSync(join(checkpoint(d), 'manifest.json'), '{"format":');
  }),
  manifestFormat: brokenRun('manifest-format', (d) => {
    const path = join(checkpoint(d), 'manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...m, format: 'other-2' }));
  }),
  manifestIteration: brokenRun('manifest-iteration', (d) => {
    const path = join(checkpoint(d), 'manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...m, iteration: -1 }));
  }),
  oddTensors: brokenRun('odd-tensors', (d) => {
    writeFileSync(join(checkpoint(d), 'tensors.bin'), readFileSync(join(checkpoint(d), 'tensors.bin')).subarray(1));
  }),
  shortTensors: brokenRun('short-tensors', (d) => {
    writeFileSync(join(checkpoint(d), 'tensors.bin'), readFileSync(join(checkpoint(d), 'tensors.bin')).subarray(0, 64));
  }),
  nanTensors: brokenRun('nan-tensors', (d) => {
    const bytes = readFileSync(join(checkpoint(d), 'tensors.bin'));
    bytes.writeFloatLE(Number.NaN, 0);
    writeFileSync(join(checkpoint(d), 'tensors.bin'), bytes);
    resealCheckpoint(checkpoint(d));
  }),
  metricsLine: brokenRun('metrics-line', (d) => {
    const lines = readFileSync(join(d, 'metrics.jsonl'), 'utf8').split('\n');
    writeFileSync(join(d, 'metrics.jsonl'), [lines[0], 'not json', ...lines.slice(1)].join('\n'));
  }),
  metricsField: brokenRun('metrics-field', (d) => {
    writeFileSync(join(d, 'metrics.jsonl'), '{"iteration": "one"}\n');
  }),
  noCheckpoints: brokenRun('no-checkpoints', (d) => {
    rmSync(join(d, 'checkpoints'), { recursive: true });
  }),
  amendmentsJson: brokenRun('amendments-json', (d) => {
    writeFileSync(join(d, 'amendments.json'), '{"amendments": [');
  }),
  amendmentSeed: brokenRun('amendment-seed', (d) => {
    writeFileSync(
      join(d, 'amendments.json'),
      '{"amendments": [{"fromIteration": 3, "changes": [{"path": "seed", "from": 1, "to": 2}]}]}',
    );
  }),
  amendmentIteration: brokenRun('amendment-iteration', (d) => {
    writeFileSync(
      join(d, 'amendments.json'),
      '{"amendments": [{"fromIteration": 0, "changes": [{"path": "run.logEvery", "to": 2}]}]}',
    );
  }),
  amendmentValue: brokenRun('amendment-value', (d) => {
    writeFileSync(
      join(d, 'amendments.json'),
      '{"amendments": [{"fromIteration": 3, "changes": [{"path": "training.optimizers.critic.lr", "to": -1}]}]}',
    );
  }),
};

/** A compare directory holding a copy of the trained run as wgan-seed1, with compare.json as `record` edits it. */
function compareDir(name: string, edit: (record: Record<string, unknown>) => unknown): string {
  const dir = join(root, 'compares', name);
  cpSync(run, join(dir, 'wgan-seed1'), { recursive: true });
  const record = {
    config: good,
    baseDir: root,
    runs: [{ label: 'wgan', objective: 'wgan', settings: {}, seed: 1, directory: 'wgan-seed1' }],
  };
  const edited = edit(record);
  writeFileSync(join(dir, 'compare.json'), typeof edited === 'string' ? edited : JSON.stringify(edited));
  return dir;
}
const compares = {
  notJson: compareDir('not-json', () => '{"runs": ['),
  noRuns: compareDir('no-runs', (r) => ({ ...r, runs: [] })),
  escape: compareDir('escape', (r) => ({
    ...r,
    runs: [{ label: 'wgan', objective: 'wgan', settings: {}, seed: 1, directory: '../../etc' }],
  })),
  absentRun: compareDir('absent-run', (r) => ({
    ...r,
    runs: [{ label: 'wgan', objective: 'wgan', settings: {}, seed: 1, directory: 'absent' }],
  })),
  badStatus: compareDir('bad-status', (r) => ({
    ...r,
    runs: [
      {
        label: 'wgan',
        objective: 'wgan',
        settings: {},
        seed: 1,
        directory: 'wgan-seed1',
        status: { state: 'exploded', iteration: 1, seconds: 1 },
      },
    ],
  })),
  brokenRun: compareDir('broken-run', (r) => {
    writeFileSync(join(root, 'compares', 'broken-run', 'wgan-seed1', 'config.resolved.json'), '{"seed": 1,');
    return r;
  }),
};

const resumeSet = (...assignments: string[]): string[] => [
  'train',
  '--resume',
  run,
  ...assignments.flatMap((a) => ['--set', a]),
];

const cases: BadInputCase[] = [
  // ---- config fields (--set on a good config) ----
  ['seed negative', set('seed=-1'), 2, 'seed:'],
  ['seed fractional', set('seed=1.5'), 2, 'seed:'],
  ['seed a string', set('seed="x"'), 2, 'seed:'],
  ['seed past 2^32', set('seed=4294967296'), 2, 'seed:'],
  ['backend unknown', set('backend=gpu'), 2, 'backend:'],
  ['name with a space', set('name="a b"'), 2, 'name:'],
  ['unknown top-level field', set('bogus=1'), 2, 'bogus: unknown field'],
  ['objective unknown', set('objective.name=nope'), 2, 'objective.name:'],
  ['objective option unknown', set('objective.options.bogus=1'), 2, 'objective.options'],
  ['objective a number', set('objective=3'), 2, 'objective:'],
  ['data unknown', set('data.name=nope'), 2, 'data.name:'],
  ['data option unknown', set('data.options.bogus=1'), 2, 'data.options'],
  ['data radius negative', set('data.options.radius=-1'), 2, 'data.options.radius'],
  ['data missing name', set('data={}'), 2, 'data.name'],
  ['noise dimension 0', set('generator.noise.dimension=0'), 2, 'generator.noise.dimension:'],
  ['noise distribution unknown', set('generator.noise.distribution=cauchy'), 2, 'generator.noise.distribution:'],
  ['generator network unknown', set('generator.network.name=nope'), 2, 'generator.network.name:'],
  ['generator hidden negative', set('generator.network.options.hidden=[-1]'), 2, 'generator.network.options.hidden'],
  ['generator hidden a string', set('generator.network.options.hidden="big"'), 2, 'generator.network.options.hidden'],
  [
    'generator activation unknown',
    set('generator.network.options.activation=swish9'),
    2,
    'generator.network.options.activation',
  ],
  ['generator unknown field', set('generator.bogus=1'), 2, 'generator.bogus'],
  ['critic network unknown', set('critic.network.name=nope'), 2, 'critic.network.name:'],
  ['critic hidden zero', set('critic.network.options.hidden=[0]'), 2, 'critic.network.options.hidden'],
  ['critic codeSize 0', set('critic.codeSize=0'), 2, 'critic.codeSize:'],
  ['critic form unknown', set('critic.form=weird'), 2, 'critic.form:'],
  ['constraint unknown', set('critic.constraints=[{"name":"nope"}]'), 2, 'critic.constraints.0.name:'],
  [
    'constraint clip negative',
    set('critic.constraints=[{"name":"weight-clipping","options":{"clip":-1}}]'),
    2,
    'critic.constraints.0.options.clip:',
  ],
  ['constraints not a list', set('critic.constraints=5'), 2, 'critic.constraints'],
  ['iterations 0', set('training.iterations=0'), 2, 'training.iterations:'],
  ['iterations fractional', set('training.iterations=1.5'), 2, 'training.iterations:'],
  ['iterations a word', set('training.iterations=many'), 2, 'training.iterations:'],
  ['batchSize 0', set('training.batchSize=0'), 2, 'training.batchSize:'],
  ['batchSize negative', set('training.batchSize=-4'), 2, 'training.batchSize:'],
  ['schedule type unknown', set('training.schedule={"type":"nope"}'), 2, 'training.schedule'],
  [
    'schedule nCritic negative',
    set('training.schedule={"type":"constant","nCritic":-1}'),
    2,
    'training.schedule.nCritic:',
  ],
  ['warm-up every 0', set('training.schedule={"type":"wgan-warmup","every":0}'), 2, 'training.schedule.every:'],
  [
    'optimizer unknown',
    set('training.optimizers.critic={"name":"adagrad","lr":1}'),
    2,
    'training.optimizers.critic.name:',
  ],
  ['adam lr negative', set('training.optimizers.critic={"name":"adam","lr":-1}'), 2, 'training.optimizers.critic.lr:'],
  [
    'adam beta1 = 1',
    set('training.optimizers.critic={"name":"adam","lr":1,"beta1":1}'),
    2,
    'training.optimizers.critic.beta1:',
  ],
  [
    'adam beta2 negative',
    set('training.optimizers.generator={"name":"adam","lr":1,"beta2":-0.1}'),
    2,
    'training.optimizers.generator.beta2:',
  ],
  [
    'adam epsilon 0',
    set('training.optimizers.generator={"name":"adam","lr":1,"epsilon":0}'),
    2,
    'training.optimizers.generator.epsilon:',
  ],
  [
    'rmsprop decay 1.5',
    set('training.optimizers.generator={"name":"rmsprop","lr":1,"decay":1.5}'),
    2,
    'training.optimizers.generator.decay:',
  ],
  [
    'rmsprop momentum 1',
    set('training.optimizers.generator={"name":"rmsprop","lr":1,"momentum":1}'),
    2,
    'training.optimizers.generator.momentum:',
  ],
  ['sgd without lr', set('training.optimizers.generator={"name":"sgd"}'), 2, 'training.optimizers.generator.lr:'],
  [
    'sgd unknown field',
    set('training.optimizers.generator={"name":"sgd","lr":1,"nesterov":true}'),
    2,
    'training.optimizers.generator.nesterov',
  ],
  ['training unknown field', set('training.bogus=1'), 2, 'training.bogus'],
  ['logEvery 0', set('run.logEvery=0'), 2, 'run.logEvery:'],
  ['checkpointEvery negative', set('run.checkpointEvery=-1'), 2, 'run.checkpointEvery:'],
  ['sampleEvery negative', set('run.sampleEvery=-1'), 2, 'run.sampleEvery:'],
  ['sampleCount 0', set('run.sampleCount=0'), 2, 'run.sampleCount:'],
  ['evaluateEvery negative', set('run.evaluateEvery=-2'), 2, 'run.evaluateEvery:'],
  ['run.dir empty', set('run.dir=""'), 2, 'run.dir:'],
  ['run unknown field', set('run.bogus=1'), 2, 'run.bogus'],
  ['evaluation samples 5000', set('evaluation.samples=5000'), 2, 'evaluation.samples:'],
  ['evaluation projections 0', set('evaluation.projections=0'), 2, 'evaluation.projections:'],
  ['evaluation bandwidths empty', set('evaluation.bandwidths=[]'), 2, 'evaluation.bandwidths:'],
  ['evaluation bandwidth negative', set('evaluation.bandwidths=[-1]'), 2, 'evaluation.bandwidths.0:'],
  ['evaluation lipschitz a word', set('evaluation.lipschitz=maybe'), 2, 'evaluation.lipschitz:'],
  [
    'a critic form the objective does not train',
    set('objective={"name":"ebgan"}', 'critic.form=score'),
    2,
    'critic.form: objective ebgan needs an autoencoder critic, not score; remove critic.form or set it to autoencoder',
  ],
  [
    'a constraint the objective refuses',
    set('objective={"name":"wgan-unclipped"}', 'critic.constraints=[{"name":"clip"}]'),
    2,
    'critic.constraints.0.name: objective wgan-unclipped refuses constraint weight-clipping: its critic must stay unclipped',
  ],
  ['plugins not installed', set('plugins=["ipmgan-not-installed"]'), 2, 'plugins.0:'],
  ['plugins an empty name', set('plugins=[""]'), 2, 'plugins.0:'],
  ['plugins not a list', set('plugins="x"'), 2, 'plugins:'],
  [
    'plugin that throws on import',
    set('plugins=["./plugin-throws.mjs"]'),
    2,
    'plugins.0: package "./plugin-throws.mjs" throws when imported: boom at import',
  ],
  [
    'plugin without ipmganPlugin',
    set('plugins=["./plugin-empty.mjs"]'),
    2,
    'plugins.0: package "./plugin-empty.mjs" does not export an ipmganPlugin',
  ],
  [
    'plugin that rebinds a core-owned service',
    set('plugins=["./plugin-overreach.mjs"]'),
    2,
    "plugins: overreach rebinds IDS.Generator, which is core's; a plugin may rebind IDS.DataSource",
  ],
  [
    'a batch too big for the wasm heap',
    set('training.batchSize=100000000'),
    2,
    'training.batchSize, generator.network.options, critic.network.options: a training step needs about',
  ],
  [
    'a hidden layer too wide for the wasm heap',
    set('generator.network.options.hidden=[100000000]'),
    2,
    "more than the wasm backend's 4.3 GB heap; lower training.batchSize or the network widths",
  ],
  [
    'critic layers too wide for the wasm heap',
    set('critic.network.options.hidden=[40000,40000]'),
    2,
    'critic.network 1600',
  ],
  [
    'a batch too big for this machine (cpu)',
    set('backend=cpu', 'training.batchSize=10000000000'),
    2,
    "more than this machine's",
  ],
  [
    'compare with a batch too big',
    ['compare', '-c', good, '--set', 'compare={"objectives":["wgan"]}', '--set', 'training.batchSize=100000000'],
    2,
    'training.batchSize, generator.network.options',
  ],
  ['run.dir is a file', set('run.dir=a-file'), 2, 'run.dir:'],
  ['run.dir below a file', set('run.dir=a-file/runs'), 2, 'run.dir:'],
  // ---- config files ----
  [
    'a duplicate YAML key',
    ['train', '-c', join(root, 'dupkey.yaml')],
    2,
    'dupkey.yaml:9:1: cannot be parsed: duplicated mapping key',
  ],
  [
    'bad YAML indentation',
    ['train', '-c', join(root, 'badindent.yaml')],
    2,
    'badindent.yaml:2:12: cannot be parsed: bad indentation of a mapping entry',
  ],
  [
    'a JSON syntax error',
    ['train', '-c', join(root, 'broken.json')],
    2,
    "broken.json:1:21: cannot be parsed: Unexpected token '}'",
  ],
  [
    'a searched JSON config with a syntax error',
    ['train'],
    2,
    'ipmgan.config.json:1:12: cannot be parsed: Expected double-quoted property name',
  ],
  ['an empty config file', ['train', '-c', join(root, 'empty.yaml')], 2, 'empty.yaml'],
  ['a config that is a list', ['train', '-c', join(root, 'list.yaml')], 2, '(config)'],
  ['a config that is a number', ['train', '-c', join(root, 'scalar.yaml')], 2, '(config)'],
  ['a .toml config', ['train', '-c', join(root, 'config.toml')], 2, 'config.toml'],
  ['YAML indented with a tab', ['train', '-c', join(root, 'tabs.yaml')], 2, 'tabs.yaml:2:1: cannot be parsed: '],
  ['an unclosed YAML flow mapping', ['train', '-c', join(root, 'unclosed.yaml')], 2, 'unclosed.yaml:3:'],
  [
    'a JSON config that ends early',
    ['train', '-c', join(root, 'truncated.json')],
    2,
    'truncated.json:3:1: cannot be parsed',
  ],
  [
    'a JSON trailing comma',
    ['train', '-c', join(root, 'trailing-comma.json')],
    2,
    'trailing-comma.json:3:28: cannot be parsed: Expected double-quoted property name',
  ],
  ['a missing config file', ['train', '-c', 'absent.yaml'], 2, 'absent.yaml'],
  ['a config path that is a directory', ['train', '-c', join(root, 'emptydir')], 2, 'emptydir'],
  // ---- data files ----
  ['csv missing', csv('data/absent.csv'), 2, 'data.options.path: data/absent.csv'],
  ['csv ragged', csv('data/ragged.csv'), 2, 'data/ragged.csv line 2'],
  ['csv bad cell', csv('data/cell.csv'), 2, 'data/cell.csv line 2'],
  ['csv past float32', csv('data/big.csv'), 2, 'data/big.csv line 2 column 2'],
  ['csv empty', csv('data/empty.csv'), 2, 'data/empty.csv'],
  ['csv header only', csv('data/header.csv'), 2, 'data/header.csv'],
  ['csv a directory', csv('data'), 2, 'data.options.path: data'],
  ['csv without path', set('data={"name":"csv"}'), 2, 'data.options.path:'],
  [
    'csv empty delimiter',
    set('data={"name":"csv","options":{"path":"points.csv","delimiter":""}}'),
    2,
    'data.options.delimiter:',
  ],
  [
    'csv header a word',
    set('data={"name":"csv","options":{"path":"points.csv","header":"maybe"}}'),
    2,
    'data.options.header',
  ],
  ['npy text', npyData('data/text.npy'), 2, 'data/text.npy'],
  ['npy fortran order', npyData('data/fortran.npy'), 2, 'data/fortran.npy'],
  ['npy NaN', npyData('data/nan.npy'), 2, 'data/nan.npy: row 2'],
  ['npy f8 past float32', npyData('data/big.npy'), 2, 'data/big.npy: row 2, value 1'],
  ['npy flat shape', npyData('data/flat.npy'), 2, 'data/flat.npy'],
  ['npy truncated', npyData('data/short.npy'), 2, 'data/short.npy'],
  ['npy int dtype', npyData('data/int.npy'), 2, 'data/int.npy'],
  ['npy zero rows', npyData('data/zero.npy'), 2, 'data/zero.npy'],
  ['npy missing', npyData('data/absent.npy'), 2, 'data/absent.npy'],
  [
    'npy data for an MLP of another width still trains? no: csv width 3 vs dcgan',
    set('generator.network.name=dcgan-generator'),
    2,
    'generator.network',
  ],
  // ---- flags ----
  ['--iterations 0', ['train', '-c', good, '--iterations', '0'], 2, '--iterations'],
  ['--iterations a word', ['train', '-c', good, '--iterations', 'abc'], 2, '--iterations'],
  ['an unknown flag', ['train', '--bogus'], 2, "'--bogus'"],
  ['--set without =', ['train', '-c', good, '--set', 'noequals'], 2, '--set'],
  ['--set with an empty key', ['train', '-c', good, '--set', '=1'], 2, '--set'],
  ['--set with an empty path part', ['train', '-c', good, '--set', 'a..b=1'], 2, '--set'],
  ['--resume a missing folder', ['train', '--resume', 'nowhere'], 2, '--resume'],
  ['--resume a file', ['train', '--resume', 'a-file'], 2, '--resume'],
  ['--resume with -c', ['train', '--resume', run, '-c', good], 2, '--resume'],
  ['an unknown command', ['frobnicate'], 2, "'frobnicate'"],
  ['eval without a run', ['eval'], 2, "'run'"],
  ['eval --checkpoint 0', ['eval', run, '--checkpoint', '0'], 2, '--checkpoint'],
  ['eval --checkpoint not saved', ['eval', run, '--checkpoint', '99'], 2, '--checkpoint'],
  ['eval -n 0', ['eval', run, '-n', '0'], 2, '-n'],
  ['eval of a folder that is no run', ['eval', 'emptydir'], 2, 'emptydir'],
  ['sample without -o', ['sample', run, '-n', '4'], 2, "'-o, --output <file>'"],
  ['sample -o .txt', ['sample', run, '-n', '4', '-o', 'x.txt'], 2, '-o'],
  ['sample -o in a missing folder', ['sample', run, '-n', '4', '-o', 'nodir/x.csv'], 2, '-o'],
  ['sample -o .png of vectors', ['sample', run, '-n', '4', '-o', 'x.png'], 2, '-o'],
  ['sample -n 0', ['sample', run, '-n', '0', '-o', 'x.csv'], 2, '-n'],
  ['sample --seed -1', ['sample', run, '-n', '4', '-o', 'x.csv', '--seed', '-1'], 2, '--seed'],
  ['distance without b', ['distance', 'a.csv'], 2, "'b'"],
  ['distance unknown metric', ['distance', 'a.csv', 'b.csv', '--metric', 'nope'], 2, '--metric'],
  ['distance missing file', ['distance', 'absent.csv', 'b.csv'], 2, 'absent.csv'],
  ['distance --projections 0', ['distance', 'a.csv', 'b.csv', '--projections', '0'], 2, '--projections'],
  ['distance --bandwidth -1', ['distance', 'a.csv', 'b.csv', '--metric', 'mmd', '--bandwidth', '-1'], 2, '--bandwidth'],
  ['compare without a compare block', ['compare', '-c', good], 2, 'compare'],
  ['compare --workers 0', ['compare', '-c', good, '--workers', '0'], 2, '--workers'],
  ['compare --resume a missing folder', ['compare', '--resume', 'nowhere'], 2, '--resume: not a compare directory'],
  ['compare --resume a run directory', ['compare', '--resume', run], 2, 'no compare.json'],
  [
    'compare --resume with -c',
    ['compare', '--resume', compares.noRuns, '-c', good],
    2,
    '--resume: continues the comparison',
  ],
  [
    'compare --resume with --iterations',
    ['compare', '--resume', compares.noRuns, '--iterations', '5'],
    2,
    '--resume: continues the comparison',
  ],
  [
    'compare --resume: compare.json not JSON',
    ['compare', '--resume', compares.notJson],
    2,
    'compare.json: not valid JSON',
  ],
  ['compare --resume: compare.json without runs', ['compare', '--resume', compares.noRuns], 2, 'compare.json: runs:'],
  [
    'compare --resume: a run folder outside the compare directory',
    ['compare', '--resume', compares.escape],
    2,
    'compare.json: runs.0.directory: expected a folder name inside the compare directory',
  ],
  [
    'compare --resume: a run folder that is missing',
    ['compare', '--resume', compares.absentRun],
    2,
    'compare.json: run absent: not a run directory',
  ],
  [
    'compare --resume: an unknown run state',
    ['compare', '--resume', compares.badStatus],
    2,
    'compare.json: runs.0.status.state:',
  ],
  [
    "compare --resume: a run's config not JSON",
    ['compare', '--resume', compares.brokenRun],
    2,
    'config.resolved.json: not valid JSON',
  ],
  ['init over an existing file', ['init', '-o', 'existing.yaml'], 2, 'existing.yaml'],
  ['new-plugin with a bad name', ['new-plugin', 'Bad Name'], 2, 'Bad Name'],
  ['reproduce an unknown experiment', ['reproduce', 'e11'], 2, 'e11'],
  // ---- run directories ----
  [
    'resume: config.resolved.json not JSON',
    ['train', '--resume', broken.notJson],
    2,
    'config.resolved.json: not valid JSON',
  ],
  ['resume: iterations "many"', ['train', '--resume', broken.many], 2, 'config.resolved.json: training.iterations:'],
  [
    'resume: batch size negative',
    ['train', '--resume', broken.negativeBatch],
    2,
    'config.resolved.json: training.batchSize:',
  ],
  ['resume: no objective', ['train', '--resume', broken.noObjective], 2, 'config.resolved.json: objective'],
  ['resume: bad optimizer', ['train', '--resume', broken.badOptimizer], 2, 'config.resolved.json: training.optimizers'],
  ['resume: latest.json leaves checkpoints/', ['train', '--resume', broken.escape], 2, 'latest.json: name:'],
  ['resume: latest.json torn', ['train', '--resume', broken.tornLatest], 2, 'latest.json: not valid JSON'],
  [
    'resume: latest.json name and iteration disagree',
    ['train', '--resume', broken.mismatch],
    2,
    'latest.json: name iter-0000002',
  ],
  ['resume: latest.json a string', ['train', '--resume', broken.latestString], 2, 'latest.json'],
  ['resume: manifest missing', ['train', '--resume', broken.noManifest], 2, 'manifest.json: missing'],
  ['resume: tensors.bin missing', ['train', '--resume', broken.noTensors], 2, 'tensors.bin: missing'],
  ['resume: manifest not JSON', ['train', '--resume', broken.manifestJson], 2, 'manifest.json: not valid JSON'],
  ['resume: manifest format', ['train', '--resume', broken.manifestFormat], 2, 'manifest.json: format'],
  [
    'resume: manifest iteration negative',
    ['train', '--resume', broken.manifestIteration],
    2,
    'manifest.json: iteration',
  ],
  ['resume: tensors.bin odd size', ['train', '--resume', broken.oddTensors], 2, 'tensors.bin'],
  ['resume: tensors.bin short', ['train', '--resume', broken.shortTensors], 2, 'tensors.bin'],
  ['resume: tensors.bin NaN', ['train', '--resume', broken.nanTensors], 1, 'non-finite'],
  ['resume: metrics.jsonl bad line', ['train', '--resume', broken.metricsLine], 2, 'metrics.jsonl:2'],
  ['resume: metrics.jsonl bad field', ['train', '--resume', broken.metricsField], 2, 'metrics.jsonl:1: iteration'],
  ['resume: no checkpoint', ['train', '--resume', broken.noCheckpoints], 2, 'no checkpoint'],
  [
    'resume: amendments.json not JSON',
    ['train', '--resume', broken.amendmentsJson],
    2,
    'amendments.json: not valid JSON',
  ],
  [
    'resume: amendments.json changes the seed',
    ['train', '--resume', broken.amendmentSeed],
    2,
    'amendments.json: seed cannot change',
  ],
  [
    'resume: amendments.json fromIteration 0',
    ['train', '--resume', broken.amendmentIteration],
    2,
    'amendments.json: amendments.0.fromIteration:',
  ],
  [
    'resume: amendments.json lr negative',
    ['train', '--resume', broken.amendmentValue],
    2,
    'amendments.json: training.optimizers.critic.lr:',
  ],
  ['eval: amendments.json changes the seed', ['eval', broken.amendmentSeed], 2, 'amendments.json: seed cannot change'],
  ['resume --set seed', resumeSet('seed=2'), 2, '--set: seed cannot change when a run is resumed'],
  ['resume --set data.name', resumeSet('data.name=grid25'), 2, '--set: data.name cannot change'],
  ['resume --set objective.name', resumeSet('objective.name=gan'), 2, '--set: objective.name cannot change'],
  [
    'resume --set a network width',
    resumeSet('critic.network.options.hidden=[4]'),
    2,
    '--set: critic.network.options.hidden cannot change',
  ],
  ['resume --set training.batchSize', resumeSet('training.batchSize=8'), 2, '--set: training.batchSize cannot change'],
  [
    'resume --set training.schedule',
    resumeSet('training.schedule.nCritic=1'),
    2,
    '--set: training.schedule.nCritic cannot change',
  ],
  ['resume --set run.dir', resumeSet('run.dir=elsewhere'), 2, '--set: run.dir cannot change'],
  [
    'resume --set a constraint',
    resumeSet('critic.constraints.0.options.clip=1'),
    2,
    '--set: critic.constraints.0.options.clip cannot change',
  ],
  [
    'resume --set the optimizer name',
    resumeSet('training.optimizers.critic.name=adam'),
    2,
    '--set: training.optimizers.critic.name cannot change',
  ],
  [
    'resume --set a whole optimizer',
    resumeSet('training.optimizers.generator={"name":"rmsprop","lr":1}'),
    2,
    '--set: training.optimizers.generator cannot change',
  ],
  [
    'resume --set lr negative',
    resumeSet('training.optimizers.critic.lr=-1'),
    2,
    '--set: training.optimizers.critic.lr:',
  ],
  [
    'resume --set an Adam field on RMSProp',
    resumeSet('training.optimizers.critic.beta1=0.5'),
    2,
    '--set: training.optimizers.critic.beta1: unknown field',
  ],
  ['resume --set evaluation.samples 5000', resumeSet('evaluation.samples=5000'), 2, '--set: evaluation.samples:'],
  [
    'resume --set an unknown evaluation field',
    resumeSet('evaluation.bogus=1'),
    2,
    '--set: evaluation.bogus cannot change',
  ],
  ['resume --set logEvery 0', resumeSet('run.logEvery=0'), 2, '--set: run.logEvery:'],
  ['resume --set iterations a word', resumeSet('training.iterations=many'), 2, '--set: training.iterations:'],
  [
    'resume --iterations before the checkpoint',
    ['train', '--resume', run, '--iterations', '1'],
    2,
    '--set: training.iterations 1 is not past',
  ],
  ['resume --set without =', resumeSet('noequals'), 2, '--set: expected key=value'],
  ['eval: config not JSON', ['eval', broken.notJson], 2, 'config.resolved.json'],
  ['eval: iterations "many"', ['eval', broken.many], 2, 'training.iterations'],
  ['eval: latest.json leaves checkpoints/', ['eval', broken.escape], 2, 'latest.json'],
  ['eval: manifest missing', ['eval', broken.noManifest], 2, 'manifest.json'],
  ['eval: tensors.bin short', ['eval', broken.shortTensors], 2, 'tensors.bin'],
  ['eval: tensors.bin NaN', ['eval', broken.nanTensors], 1, 'non-finite'],
  ['eval: no checkpoint', ['eval', broken.noCheckpoints], 2, 'no checkpoint'],
  ['sample: config not JSON', ['sample', broken.notJson, '-n', '4', '-o', 'x.csv'], 2, 'config.resolved.json'],
  ['sample: latest.json torn', ['sample', broken.tornLatest, '-n', '4', '-o', 'x.csv'], 2, 'latest.json'],
  ['sample: manifest format', ['sample', broken.manifestFormat, '-n', '4', '-o', 'x.csv'], 2, 'manifest.json'],
  ['sample: tensors.bin NaN', ['sample', broken.nanTensors, '-n', '4', '-o', 'x.csv'], 1, 'non-finite'],
  [
    'sample: --checkpoint not saved',
    ['sample', broken.noCheckpoints, '-n', '4', '-o', 'x.csv', '--checkpoint', '2'],
    2,
    '--checkpoint',
  ],
];

test(`the suite has at least 120 cases (${String(cases.length)})`, (t) => {
  t.true(cases.length >= 120, String(cases.length));
  t.is(new Set(cases.map((c) => c[0])).size, cases.length, 'case names are unique');
});

badInputSuite(cases, root);
