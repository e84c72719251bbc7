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

test('broken YAML and a missing config are one-line errors', async (t) => {
  const broken = project({ 'ipmgan.config.yaml': 'seed: [1, 2\nname: x\n' });
  const error = await t.throwsAsync(loadConfigFile(broken), { instanceOf: ConfigError });
  t.false(error.message.includes('\n'));
  t.regex(error.message, /^config: cannot be parsed: /);
  const none = mkdtempSync(join(tmpdir(), 'ipmgan-none-'));
  writeFileSync(join(none, 'package.json'), '{"name":"n"}');
  const missing = await t.throwsAsync(loadConfigFile(none), { instanceOf: ConfigError });
  t.regex(missing.message, /^config: no ipmgan config found from /);
});
