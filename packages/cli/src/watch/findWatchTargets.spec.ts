import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { findWatchTargets } from './findWatchTargets.js';

function compare(path: string, labels: readonly string[]): void {
  mkdirSync(path, { recursive: true });
  const runs = labels.map((label) => ({ label, objective: label, settings: {}, seed: 1, directory: `${label}-seed1` }));
  writeFileSync(join(path, 'compare.json'), JSON.stringify({ config: 'c.yaml', baseDir: '/', runs }));
}

test('a run, a compare, and a folder of them two levels deep (reproduce output), named by their path', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ipmgan-watch-find-'));
  t.teardown(() => {
    rmSync(root, { recursive: true, force: true });
  });
  t.deepEqual(findWatchTargets(root), [], 'an empty folder: nothing yet');
  mkdirSync(join(root, 'solo'));
  writeFileSync(join(root, 'solo', 'config.resolved.json'), '{}');
  compare(join(root, 'ring-compare'), ['wgan', 'mmd']);
  compare(join(root, 'e3-ring', 'comparison'), ['gan']);
  mkdirSync(join(root, 'empty', 'deeper'), { recursive: true });

  const all = findWatchTargets(root);
  t.deepEqual(
    all.map((w) => [w.name, w.label, w.seed]),
    [
      ['e3-ring/comparison/gan-seed1', 'e3-ring/comparison/gan', 1],
      ['ring-compare/wgan-seed1', 'ring-compare/wgan', 1],
      ['ring-compare/mmd-seed1', 'ring-compare/mmd', 1],
      ['solo', 'solo', null],
    ],
  );
  t.is(all[1]?.directory, join(root, 'ring-compare', 'wgan-seed1'));
  t.deepEqual(all[2]?.compare, { directory: join(root, 'ring-compare'), index: 1 });
  // One compare alone: its runs by their own names.
  t.deepEqual(
    findWatchTargets(join(root, 'ring-compare')).map((w) => w.name),
    ['wgan-seed1', 'mmd-seed1'],
  );
  t.deepEqual(
    findWatchTargets(join(root, 'solo')).map((w) => w.name),
    ['solo'],
  );
});
