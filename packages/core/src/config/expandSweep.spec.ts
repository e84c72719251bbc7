import test from 'ava';
import { expandSweep } from './expandSweep.js';
import { setConfigPath } from './setConfigPath.js';
import { sweepLabel } from './sweepLabel.js';

test('a grid crosses its paths, the first slowest: 3 x 2 settings with labels', (t) => {
  const settings = [...expandSweep({ grid: { 'a.clip': [0.1, 0.01, 0.001], 'b.nCritic': [1, 5] } })];
  t.deepEqual(
    settings.map((s) => s.label),
    [
      'clip=0.1_nCritic=1',
      'clip=0.1_nCritic=5',
      'clip=0.01_nCritic=1',
      'clip=0.01_nCritic=5',
      'clip=0.001_nCritic=1',
      'clip=0.001_nCritic=5',
    ],
  );
  t.deepEqual(settings[3]?.values, { 'a.clip': 0.01, 'b.nCritic': 5 });
  t.deepEqual(settings[3]?.paths, ['a.clip', 'b.nCritic']);
  t.is(settings[3]?.field, 'compare.sweep.grid');
});

test('labels: shared last segments are named in full; lists and odd characters become "-"', (t) => {
  t.is(sweepLabel({ 'x.lr': 1, 'y.lr': 2 }, ['x.lr', 'y.lr']), 'x.lr=1_y.lr=2');
  t.is(sweepLabel({ 'g.hidden': [64, 64] }, ['g.hidden']), 'hidden=-64-64-');
  t.is(sweepLabel({ 'd.name': 'a b/c' }, ['d.name']), 'name=a-b-c');
  t.is(sweepLabel({}, ['a']), '');
});

test('setConfigPath copies, creates lists where the next key is an index, and leaves the input alone', (t) => {
  const raw = { training: { iterations: 5 } };
  const set = setConfigPath(raw, 'critic.constraints.0.options.clip', 0.1);
  t.deepEqual(set, { training: { iterations: 5 }, critic: { constraints: [{ options: { clip: 0.1 } }] } });
  t.true(Array.isArray((set.critic as { constraints: unknown }).constraints));
  t.deepEqual(raw, { training: { iterations: 5 } });
  t.deepEqual(setConfigPath(raw, 'training.iterations', 7), { training: { iterations: 7 } });
});
