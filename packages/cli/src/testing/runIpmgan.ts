import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (specs run from packages/cli/src or dist). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

/** Runs the built `ipmgan` binary, without colours (and with `env` added), and returns its exit code and output. */
export function runIpmgan(
  args: readonly string[],
  cwd = repoRoot,
  env: NodeJS.ProcessEnv = {},
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
