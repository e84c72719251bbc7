import type { PluginKind } from './PluginKind.js';
import type { PluginSpec } from './PluginSpec.js';
import { toolVersions } from './toolVersions.js';

/**
 * package.json of a scaffolded plugin: `ipmganPlugin.objective` is how ipmgan finds an
 * objective's package in node_modules; other kinds are loaded by name from the config's `plugins`.
 * `npm test`, `npm pack` and `npm publish` build first: the kill-and-resume drill's child
 * processes import dist/, as ipmgan does, so a stale dist/ would be tested or shipped silently.
 * A plugin of another kind trains in its drill with WGAN, a devDependency.
 */
export function pluginPackageJson(spec: PluginSpec, kind: PluginKind = 'objective'): string {
  const objective = kind === 'objective' ? {} : { '@ipmgan/critic-wgan': `^${spec.coreVersion}` };
  const manifest = {
    name: spec.packageName,
    version: '0.1.0',
    description: `The "${spec.id}" ${kind} for ipmgan.`,
    type: 'module',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    files: ['dist', '!dist/**/*.spec.*'],
    engines: { node: '>=20.19' },
    scripts: { build: 'tsc -p .', pretest: 'npm run build', test: 'ava', prepack: 'npm run build' },
    dependencies: { '@ipmgan/core': `^${spec.coreVersion}`, zod: toolVersions.zod },
    devDependencies: {
      ...objective,
      '@types/node': toolVersions.typesNode,
      ava: toolVersions.ava,
      tsx: toolVersions.tsx,
      typescript: toolVersions.typescript,
    },
    ava: {
      files: ['src/**/*.spec.ts'],
      extensions: { ts: 'module' },
      nodeArguments: ['--import=tsx'],
      workerThreads: false,
      timeout: '5m',
    },
    keywords: ['ipmgan-plugin', spec.id],
    ...(kind === 'objective' ? { ipmganPlugin: { objective: spec.id } } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
