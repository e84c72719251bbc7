import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { makeSubsetProject } from './testing/makeSubsetProject.js';
import { repoRoot } from './testing/runIpmgan.js';

/** Workspace folders `folders` bring with their declared @ipmgan dependencies, transitively (what npm install fetches). */
function installed(folders: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (folder: string): void => {
    if (seen.has(folder)) return;
    seen.add(folder);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages', folder, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {}))
      if (name.startsWith('@ipmgan/')) visit(name.slice('@ipmgan/'.length));
  };
  for (const folder of folders) visit(folder);
  return [...seen].sort();
}

// Each new package installed beside the CLI alone, with exactly what its package.json
// declares: a dependency it imports but does not declare (wgan-gp reuses @ipmgan/critic-wgan's
// losses) would be missing here, as after npm install from a registry.
for (const [folder, objective, constraint, brings] of [
  ['gradient-penalty', 'wgan-gp', 'gradient-penalty', ['critic-wgan']],
  ['spectral-norm', 'sn-gan', 'spectral-norm', []],
  ['fisher-gan', 'fisher-gan', undefined, []],
  ['sobolev-gan', 'sobolev-gan', undefined, []],
  ['mmd-gan', 'mmd-gan', undefined, ['mmd']],
  ['cramer-gan', 'cramer-gan', undefined, ['critic-wgan', 'gradient-penalty', 'mmd']],
] as const) {
  test(`@ipmgan/${folder} installed alone beside the CLI lists its extensions and trains ${objective}`, (t) => {
    const packages = installed(['cli', folder]);
    // @ipmgan/native is core's (its prebuilt platform package is optional and not copied here).
    t.deepEqual(packages, ['cli', 'compare', 'core', ...brings, folder, 'native', 'report'].sort());
    const { root, project, bin } = makeSubsetProject(packages);
    try {
      const ipmgan = (args: readonly string[]) =>
        spawnSync(process.execPath, [bin, ...args], {
          cwd: project,
          encoding: 'utf8',
          env: { ...process.env, FORCE_COLOR: '0' },
        });
      const list = ipmgan(['plugins', '--json']);
      t.is(list.status, 0, list.stderr);
      const extensions = JSON.parse(list.stdout) as { kind: string; id: string; package: string }[];
      const own = extensions.filter((e) => e.package === `@ipmgan/${folder}`).map((e) => `${e.kind} ${e.id}`);
      t.deepEqual(own.sort(), [`objective ${objective}`, ...(constraint ? [`constraint ${constraint}`] : [])].sort());
      writeFileSync(
        join(project, 'ipmgan.config.yaml'),
        `seed: 1\nbackend: cpu\nobjective: { name: ${objective} }\ndata: { name: ring8 }\n` +
          'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
          'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
          'training: { batchSize: 16 }\nrun: { logEvery: 1 }\n',
      );
      const train = ipmgan(['train', '--iterations', '3']);
      t.is(train.status, 0, train.stderr);
      t.regex(train.stderr, new RegExp(`^ipmgan: training ${objective} on ring8 \\(cpu\\), iterations 0 -> 3`));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}
