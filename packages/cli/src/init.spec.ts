import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { starterConfig } from './starterConfig.js';
import { makeTempDir } from './testing/makeTempDir.js';
import { runIpmgan } from './testing/runIpmgan.js';

const made: string[] = [];
test.after.always(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

test('init writes the starter config, which trains as written', (t) => {
  const dir = makeTempDir('cli-init');
  made.push(dir);
  const init = runIpmgan(['init'], dir);
  t.is(init.code, 0, init.stderr);
  const file = join(dir, 'ipmgan.config.yaml');
  t.is(readFileSync(file, 'utf8'), starterConfig);
  const train = runIpmgan(['train', '--iterations', '2'], dir);
  t.is(train.code, 0, train.stderr);
  const [run] = readdirSync(join(dir, 'runs'));
  t.regex(run ?? '', /^my-run-\d{8}T\d{6}Z$/);
  t.true(existsSync(join(dir, 'runs', run ?? '', 'checkpoints', 'iter-0000002', 'manifest.json')));
});

test('init refuses to overwrite without --force (exit 2), overwrites with it', (t) => {
  const dir = makeTempDir('cli-init');
  made.push(dir);
  const file = join(dir, 'mine.yaml');
  writeFileSync(file, 'keep me\n');
  const refused = runIpmgan(['init', '-o', 'mine.yaml'], dir);
  t.is(refused.stderr, `ipmgan: init: ${file} exists; pass --force to overwrite it\n`);
  t.is(refused.code, 2);
  t.is(readFileSync(file, 'utf8'), 'keep me\n');
  const forced = runIpmgan(['init', '-o', 'mine.yaml', '--force'], dir);
  t.is(forced.code, 0);
  t.is(readFileSync(file, 'utf8'), starterConfig);
  const missing = runIpmgan(['init', '-o', 'absent/x.yaml'], dir);
  t.is(missing.stderr, `ipmgan: -o: directory not found: ${join(dir, 'absent')}\n`);
  t.is(missing.code, 2);
});
