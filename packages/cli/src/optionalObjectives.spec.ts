import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { makeSubsetProject } from './testing/makeSubsetProject.js';

// The experiments with the four objectives they depend on and none of the contract-v2 packages
// (@ipmgan/gradient-penalty, spectral-norm, fisher-gan): E6 and E3 leave those objectives out
// with one line each instead of failing.
const { root, project, bin } = makeSubsetProject(
  ['cli', 'core', 'compare', 'report', 'experiments', 'critic-wgan', 'disc-gan', 'ebgan', 'mmd'],
  {},
  ['mnist'],
);
test.after.always(() => {
  rmSync(root, { recursive: true, force: true });
});

function ipmgan(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.includes('left out'));

test.serial('E6 without @ipmgan/gradient-penalty: the clipped runs only, one line saying WGAN-GP was left out', (t) => {
  writeFileSync(
    join(project, 'e6.yaml'),
    'generatorNetwork: { name: mlp, options: { hidden: [8] } }\ncriticNetwork: { name: mlp, options: { hidden: [8, 8] } }\n' +
      'clips: [0.01, 0.1]\niterations: 4\nbatchSize: 16\nrecordEvery: 2\nevaluationSamples: 32\n',
  );
  const out = ipmgan(['reproduce', 'e6', '--config', 'e6.yaml', '-o', 'out']);
  t.true(out.code === 0 || out.code === 1, out.stderr);
  t.deepEqual(lines(out.stderr), [
    '  e6: wgan-gp left out: @ipmgan/gradient-penalty is not installed (npm install @ipmgan/gradient-penalty); its claim is not judged',
  ]);
  const results = JSON.parse(readFileSync(join(project, 'out', 'e6-clipping', 'results.json'), 'utf8')) as {
    results: { runs: { clip: number }[]; penalty: null };
    claims: { id: string }[];
  };
  t.deepEqual(
    results.results.runs.map((r) => r.clip),
    [0.01, 0.1],
  );
  t.is(results.results.penalty, null);
  t.false(results.claims.some((c) => c.id.startsWith('penalty')));
  t.is(results.claims.length, 5);
});

test.serial(
  'E3 without the contract-v2 packages: wgan-gp and fisher-gan left out, one line each; the claim on them absent',
  (t) => {
    writeFileSync(
      join(project, 'e3.yaml'),
      'name: e3-mini\ndata: { name: ring8 }\ngenerator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
        'critic: { network: { name: mlp, options: { hidden: [8] } } }\ntraining: { iterations: 4, batchSize: 16 }\n' +
        'run: { logEvery: 2, evaluateEvery: 2, sampleEvery: 4, sampleCount: 32 }\nevaluation: { samples: 32 }\n' +
        'compare: { objectives: [wgan, wgan-gp, gan, fisher-gan], seeds: [1] }\n',
    );
    const out = ipmgan(['reproduce', 'e3-ring', '--config', 'e3.yaml', '-o', 'out', '--workers', '1']);
    t.true(out.code === 0 || out.code === 1, out.stderr);
    t.deepEqual(lines(out.stderr), [
      '  e3-mini: compare.objectives.1 (wgan-gp) left out: @ipmgan/gradient-penalty is not installed (npm install @ipmgan/gradient-penalty); its rows and claims are absent',
      '  e3-mini: compare.objectives.3 (fisher-gan) left out: @ipmgan/fisher-gan is not installed (npm install @ipmgan/fisher-gan); its rows and claims are absent',
    ]);
    const results = JSON.parse(readFileSync(join(project, 'out', 'e3-ring', 'results.json'), 'utf8')) as {
      comparison: { label: string }[];
      claims: { id: string }[];
    };
    t.deepEqual(
      results.comparison.map((r) => r.label),
      ['wgan', 'gan'],
    );
    t.deepEqual(
      results.claims.map((c) => c.id),
      ['wgan-no-mode-collapse', 'gan-collapses-more', 'wgan-sharp-modes', 'wgan-mass-before-quality'],
    );
    // The report says what was not run, so a missing claim does not read as one the paper lacks.
    const report = readFileSync(join(project, 'out', 'e3-ring', 'report.md'), 'utf8');
    t.true(
      report.includes(
        'Not run: e3-mini: compare.objectives.1 (wgan-gp) left out: @ipmgan/gradient-penalty is not installed (npm install @ipmgan/gradient-penalty); its rows and claims are absent.',
      ),
      report,
    );
    t.true(report.includes('Not run: e3-mini: compare.objectives.3 (fisher-gan) left out:'), report);
  },
);
