import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './runIpmgan.js';

/**
 * A project outside the repository (so nothing of the workspace is found above it) whose
 * node_modules holds copies of the built ipmgan packages named in `packages` (package.json,
 * dist, bin, configs: what they publish, with their own nested node_modules linked),
 * `extra` packages given as files, and links to every third-party package of the workspace
 * except those in `without`. A package not named is not installed, as after `npm install`
 * of a subset. The caller removes `root` (test.after.always).
 */
export function makeSubsetProject(
  packages: readonly string[],
  extra: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
  without: readonly string[] = [],
): { root: string; project: string; bin: string } {
  const root = mkdtempSync(join(tmpdir(), 'ipmgan-subset-'));
  const project = join(root, 'project');
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, '@ipmgan'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "name": "subset-project", "private": true, "type": "module" }\n');
  const workspaceModules = join(repoRoot, 'node_modules');
  for (const entry of readdirSync(workspaceModules)) {
    if (entry === '@ipmgan' || entry.startsWith('.')) continue;
    const scoped = entry.startsWith('@')
      ? readdirSync(join(workspaceModules, entry)).map((s) => join(entry, s))
      : [entry];
    if (entry.startsWith('@')) mkdirSync(join(modules, entry), { recursive: true });
    for (const name of scoped.filter((n) => !without.includes(n)))
      symlinkSync(join(workspaceModules, name), join(modules, name));
  }
  for (const name of packages) {
    const from = join(repoRoot, 'packages', name);
    const to = join(modules, '@ipmgan', name);
    for (const part of ['package.json', 'dist', 'bin', 'configs'])
      if (existsSync(join(from, part))) cpSync(join(from, part), join(to, part), { recursive: true });
    // Versions npm could not hoist (e.g. report's pinned vega-lite) live in the package's own node_modules.
    if (existsSync(join(from, 'node_modules'))) symlinkSync(join(from, 'node_modules'), join(to, 'node_modules'));
  }
  for (const [name, files] of Object.entries(extra)) {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(modules, name, file, '..'), { recursive: true });
      writeFileSync(join(modules, name, file), text);
    }
  }
  return { root, project, bin: join(modules, '@ipmgan', 'cli', 'dist', 'bin.js') };
}
