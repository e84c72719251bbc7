import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { ConfigError } from './ConfigError.js';
import { loadConfigFile } from './loadConfigFile.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipmgan-config-'));
  writeFileSync(join(dir, 'package.json'), files['package.json'] ?? '{"name":"p"}');
  for (const [name, text] of Object.entries(files)) {
    if (name === 'package.json') continue;
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('finds ipmgan.config.yaml from a subdirectory of the project', async (t) => {
  const dir = project({ 'ipmgan.config.yaml': 'seed: 7\nobjective: { name: wgan }\n', 'sub/x.txt': '' });
  const loaded = await loadConfigFile(join(dir, 'sub'));
  t.deepEqual(loaded.raw, { seed: 7, objective: { name: 'wgan' } });
  t.is(loaded.baseDir, dir);
});

test('reads the ipmgan key of package.json, .ipmganrc.json and an mjs config', async (t) => {
  t.deepEqual((await loadConfigFile(project({ 'package.json': '{"name":"p","ipmgan":{"seed":3}}' }))).raw, { seed: 3 });
  t.deepEqual((await loadConfigFile(project({ '.ipmganrc.json': '{"seed":4}' }))).raw, { seed: 4 });
  t.deepEqual((await loadConfigFile(project({ 'ipmgan.config.mjs': 'export default { seed: 5 };' }))).raw, { seed: 5 });
});

test('an explicit path wins, and a missing one is a one-line error', async (t) => {
  const dir = project({ 'ipmgan.config.yaml': 'seed: 1\n', 'other.json': '{"seed":2}' });
  t.deepEqual((await loadConfigFile(dir, 'other.json')).raw, { seed: 2 });
  const error = await t.throwsAsync(loadConfigFile(dir, 'absent.yaml'), { instanceOf: ConfigError });
  t.is(error.message, `--config: file not found: ${join(dir, 'absent.yaml')}`);
});

test('broken YAML or JSON and a missing config are one-line errors with the reason and line:column', async (t) => {
  const broken = project({ 'ipmgan.config.yaml': 'seed: [1, 2\nname: x\n' });
  const error = await t.throwsAsync(loadConfigFile(broken), { instanceOf: ConfigError });
  t.is(
    error.message,
    `${join(broken, 'ipmgan.config.yaml')}:2:1: cannot be parsed: missed comma between flow collection entries`,
  );
  // V8 does not say where for an unexpected token: the position is found by parsing prefixes.
  const json = project({
    'a.json': '{\n  "seed": 1,\n  "data": }\n',
    'b.json': '{"seed": 1,, }',
    'c.json': '{"seed": 1',
  });
  const where = async (name: string): Promise<string> =>
    (await t.throwsAsync(loadConfigFile(json, name), { instanceOf: ConfigError })).message;
  t.is(await where('a.json'), `${join(json, 'a.json')}:3:11: cannot be parsed: Unexpected token '}'`);
  t.is(await where('b.json'), `${join(json, 'b.json')}:1:12: cannot be parsed: Expected double-quoted property name`);
  t.is(
    await where('c.json'),
    `${join(json, 'c.json')}:1:11: cannot be parsed: Expected ',' or '}' after property value`,
  );
  const none = mkdtempSync(join(tmpdir(), 'ipmgan-none-'));
  writeFileSync(join(none, 'package.json'), '{"name":"n"}');
  const missing = await t.throwsAsync(loadConfigFile(none), { instanceOf: ConfigError });
  t.regex(missing.message, /^config: no ipmgan config found from /);
});
