// The meta-test of plugin identity (in the style of typescript-eslint's docs test): for
// every workspace package that declares `ipmganPlugin` in its package.json, the package
// name, version, ids and aliases agree with the plugin it exports, and with core's table
// of official packages. Reads the built packages (npm test builds first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import test from 'ava';
import type { Extension } from '../contracts/Extension.js';
import { corePlugin } from './corePlugin.js';
import type { IpmPlugin } from './IpmPlugin.js';
import { officialPlugins, officialProvider } from './officialPlugins.js';
import type { PluginManifest } from './PluginManifest.js';

const repo = fileURLToPath(new URL('../../../..', import.meta.url));

interface PackageJson {
  name: string;
  version: string;
  keywords?: string[];
  ipmganPlugin?: PluginManifest;
}

const read = (dir: string): PackageJson =>
  JSON.parse(readFileSync(join(repo, dir, 'package.json'), 'utf8')) as PackageJson;
const workspaces = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { workspaces: string[] })
  .workspaces;
const plugins = workspaces.map((dir) => ({ dir, json: read(dir) })).filter((p) => p.json.ipmganPlugin !== undefined);

/** What a package.json should declare for these extensions. */
function manifestOf(extensions: readonly Extension[]): PluginManifest {
  const manifest: Record<string, unknown> = {};
  const objectives = extensions.filter((e) => e.kind === 'objective');
  const [objective] = objectives;
  if (objective) {
    manifest.objective = objective.id;
    manifest.aliases = [...(objective.aliases ?? [])];
  }
  for (const e of extensions.filter((x) => x.kind !== 'objective')) {
    const ids = (manifest[e.kind] ?? []) as string[];
    manifest[e.kind] = [...ids, e.id];
  }
  return manifest;
}

test('the plugin packages are the official table: critic-wgan, disc-gan, ebgan, mmd and experiments at least', (t) => {
  const names = plugins.map((p) => p.json.name).sort();
  t.deepEqual(names, Object.keys(officialPlugins).sort());
  for (const name of ['@ipmgan/critic-wgan', '@ipmgan/disc-gan', '@ipmgan/ebgan', '@ipmgan/mmd', '@ipmgan/experiments'])
    t.true(names.includes(name), name);
});

for (const { dir, json } of plugins) {
  test(`${json.name}: package.json name, version, ids and aliases agree with its ipmganPlugin export and core's table`, async (t) => {
    const entry = join(repo, dir, 'dist', 'index.js');
    t.true(existsSync(entry), `${entry} is built`);
    const module = (await import(pathToFileURL(entry).href)) as { ipmganPlugin?: IpmPlugin };
    const plugin = module.ipmganPlugin;
    if (!plugin) {
      t.fail(`${json.name} exports no ipmganPlugin`);
      return;
    }
    t.is(plugin.name, json.name);
    t.is(plugin.version, json.version);
    t.deepEqual(json.ipmganPlugin, manifestOf(plugin.extensions));
    t.deepEqual(officialPlugins[json.name], json.ipmganPlugin);
    t.true((json.keywords ?? []).includes('ipmgan-plugin'), 'keywords include ipmgan-plugin');
    t.true(plugin.extensions.filter((e) => e.kind === 'objective').length <= 1, 'at most one objective per package');
  });
}

test("corePlugin's name and version are core's package.json", (t) => {
  const core = read('packages/core');
  t.is(corePlugin.name, core.name);
  t.is(corePlugin.version, core.version);
});

test('officialProvider names the package of an objective by package name, id or alias, and nothing for another id', (t) => {
  t.is(officialProvider('@ipmgan/gradient-penalty'), '@ipmgan/gradient-penalty');
  t.is(officialProvider('wgan-gp'), '@ipmgan/gradient-penalty');
  t.is(officialProvider('sngan'), '@ipmgan/spectral-norm');
  t.is(officialProvider('fisher'), '@ipmgan/fisher-gan');
  t.is(officialProvider('sobolev'), '@ipmgan/sobolev-gan');
  t.is(officialProvider('mmdgan'), '@ipmgan/mmd-gan');
  t.is(officialProvider('cramer'), '@ipmgan/cramer-gan');
  t.is(officialProvider('hinge-gan'), undefined);
  // A package with no objective does not provide one by its network ids.
  t.is(officialProvider('parallel-line'), undefined);
});
