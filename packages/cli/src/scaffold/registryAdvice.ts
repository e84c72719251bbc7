import { spawnSync } from 'node:child_process';

/** The folder a local registry's steps come from (docs/authoring-plugins.md). */
const DOCS = 'docs/authoring-plugins.md, "Developing against a local registry"';

function npm(args: readonly string[], cwd: string): { status: number | null; stdout: string } {
  // npm reads the folder's .npmrc: the registry asked is the one `npm install` would use there.
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout };
}

/**
 * Lines to print when `packageName@version` is not in the npm registry that `cwd` uses (ipmgan
 * 0.1.0 is not on the public registry yet): the exact steps to serve ipmgan's packages from a
 * clone with Verdaccio and point `here` (a shell command prefix such as `cd my-plugin && `)
 * at it. None when the registry has it; one line when the registry cannot be asked.
 */
export function registryAdvice(cwd: string, packageName: string, version: string, here: string): string[] {
  const registry = npm(['config', 'get', 'registry'], cwd).stdout.trim() || 'the default registry';
  const view = npm(['view', `${packageName}@${version}`, 'version', '--json'], cwd);
  let answer: unknown;
  try {
    answer = JSON.parse(view.stdout) as unknown;
  } catch {
    answer = undefined;
  }
  if (view.status === 0 && answer === version) return [];
  const code = (answer as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (code !== 'E404')
    return [
      `ipmgan: could not ask ${registry} for ${packageName}@${version} (${typeof code === 'string' ? code : `npm exited with ${String(view.status)}`}); if npm install fails, see ${DOCS}`,
    ];
  return [
    `ipmgan: ${packageName}@${version} is not in the npm registry used here (${registry}): ipmgan is not published yet, so npm install fails with E404. Until it is:`,
    '  1. in a clone of ipmgan, after npm install: write verdaccio.yaml as in ' + DOCS + ', then',
    '     npx verdaccio --config verdaccio.yaml --listen 127.0.0.1:4873',
    '  2. in the clone, in a second terminal:',
    '     npm config set //127.0.0.1:4873/:_authToken=anonymous && npm publish --workspaces --registry http://127.0.0.1:4873/',
    `  3. ${here}echo 'registry=http://127.0.0.1:4873/' > .npmrc, then the next step above`,
  ];
}
