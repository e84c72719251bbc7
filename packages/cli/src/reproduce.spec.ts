import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { withSpecDir } from './testing/withSpecDir.js';
import { runIpmgan } from './testing/runIpmgan.js';

const dir = withSpecDir('cli-reproduce');

test('an unknown experiment is a usage error naming what exists', (t) => {
  const { code, stderr } = runIpmgan(['reproduce', 'e11', '-o', join(dir, 'out')], dir);
  t.is(code, 2);
  t.is(
    stderr.trim(),
    'ipmgan: experiment: unknown "e11"; expected one of e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, all, e1-parallel-lines, e2-optimal-critic, e3-ring, e3-grid, e4-meaningful-loss, e5-mnist, e5-mnist-dcgan, e5-mnist-nobn, e6-clipping, e7-critic-iterations, e8-momentum, e9-rank-generators, e10-clipped-gan',
  );
  t.false(existsSync(join(dir, 'out')));
});

test('--config names one experiment', (t) => {
  const { code, stderr } = runIpmgan(['reproduce', 'e1', 'e2', '--config', 'x.yaml'], dir);
  t.is(code, 2);
  t.is(stderr.trim(), 'ipmgan: --config: names the config of one experiment; give exactly one experiment name');
});

test('--quick and --config together are one usage error', (t) => {
  const { code, stderr } = runIpmgan(['reproduce', 'e2', '--quick', '--config', 'x.yaml'], dir);
  t.is(code, 2);
  t.is(stderr.trim(), 'ipmgan: --quick: chooses the shipped quick configs; give it or --config, not both');
});

test('a small E2 through the command: its four claims hold and the report is written', (t) => {
  const config = join(dir, 'e2.yaml');
  // The shipped E2 with fewer steps and samples (the full one: npm run reproduce).
  const shipped = readFileSync(new URL('../../experiments/configs/e2-optimal-critic.yaml', import.meta.url), 'utf8');
  writeFileSync(
    config,
    shipped
      .replace(/^criticSteps: \d+$/m, 'criticSteps: 600')
      .replace(/^evaluationSamples: \d+$/m, 'evaluationSamples: 256'),
  );
  const out = join(dir, 'e2-out');
  const { code, stdout, stderr } = runIpmgan(['reproduce', 'e2', '--config', config, '-o', out], dir);
  t.is(code, 0, stderr);
  t.regex(stdout, /^e2-optimal-critic: 4 of 4 claims held/m);
  const results = JSON.parse(readFileSync(join(out, 'e2-optimal-critic', 'results.json'), 'utf8')) as {
    claims: { held: boolean }[];
  };
  t.deepEqual(
    results.claims.map((c) => c.held),
    [true, true, true, true],
  );
  t.true(existsSync(join(out, 'e2-optimal-critic', 'report.html')));
});
