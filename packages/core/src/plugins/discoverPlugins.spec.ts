// A plugin found from its own package folder, as its tests and killAndResume's children run
// there: real packages on disk in a temporary folder outside the repository, never installed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { discoverPlugins } from './discoverPlugins.js';
import { loadPlugins } from './loadPlugins.js';

const area = mkdtempSync(join(tmpdir(), 'ipmgan-own-plugin-'));
test.after.always(() => {
  rmSync(area, { recursive: true, force: true });
});

/** A plugin package in `dir` claiming objective `own-gap`, at `version`; `exports` as Node's self-reference needs it, or not. */
function ownPackage(dir: string, version: string, withExports = true): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const name = 'ipmgan-own-gap';
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name,
      version,
      type: 'module',
      ...(withExports ? { exports: { '.': './index.js' } } : { main: 'index.js' }),
      ipmganPlugin: { objective: 'own-gap' },
    }),
  );
  writeFileSync(
    join(dir, 'index.js'),
    `export const ipmganPlugin = { name: '${name}', version: '${version}', ` +
      `extensions: [{ kind: 'objective', id: 'own-gap', description: 'fake' }], module: { load() {} } };\n`,
  );
}

const own = (projectDir: string) => discoverPlugins(projectDir).find((p) => p.name === 'ipmgan-own-gap');

test('a plugin is found from its own folder and from a folder inside it, and its objective loads by id', async (t) => {
  const dir = join(area, 'plugin');
  ownPackage(dir, '1.2.3');
  for (const from of [dir, join(dir, 'src')])
    t.like(own(from), { version: '1.2.3', ids: ['own-gap'], directory: dir }, from);
  const plugins = await loadPlugins({ objective: 'own-gap' }, join(dir, 'src'));
  t.deepEqual(
    plugins.map((p) => `${p.name}@${p.version}`),
    ['@ipmgan/core@0.1.0', 'ipmgan-own-gap@1.2.3'],
  );
});

test('its own folder comes before a copy installed below it, as Node resolves its name from inside', async (t) => {
  const dir = join(area, 'shadowed');
  ownPackage(dir, '1.0.0');
  ownPackage(join(dir, 'node_modules', 'ipmgan-own-gap'), '2.0.0');
  t.like(own(dir), { version: '1.0.0', directory: dir });
  const [, plugin] = await loadPlugins({ objective: 'own-gap' }, dir);
  t.is(plugin?.version, '1.0.0');
});

test('a package without `exports` cannot import itself by name, so its own folder does not list it', async (t) => {
  const dir = join(area, 'no-exports');
  ownPackage(dir, '1.0.0', false);
  t.is(own(dir), undefined);
  const error = await t.throwsAsync(loadPlugins({ objective: 'own-gap' }, dir), { instanceOf: ConfigError });
  t.regex(error.message, /^objective\.name: unknown objective "own-gap"; installed: /);
});
