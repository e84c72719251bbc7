import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './runIpmgan.js';

const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

export interface SpawnedResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// A few at a time: each case is a process start (~1 s), most of it module loading.
const CONCURRENCY = 4;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Runs the built `ipmgan` binary in `cwd` (at most four at once across a spec file), without
 * colours, and resolves with its exit code and output. `stdoutTo` sends its standard output to
 * that file instead of a pipe (`/dev/full` for a full disk).
 */
export function spawnIpmgan(
  args: readonly string[],
  cwd: string,
  options: { readonly stdoutTo?: string } = {},
): Promise<SpawnedResult> {
  return limited(
    () =>
      new Promise((resolve) => {
        const fd = options.stdoutTo === undefined ? undefined : openSync(options.stdoutTo, 'w');
        const child = spawn(process.execPath, [bin, ...args], {
          cwd,
          env: { ...process.env, FORCE_COLOR: '0' },
          stdio: ['ignore', fd ?? 'pipe', 'pipe'],
        });
        if (fd !== undefined) closeSync(fd);
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => {
          resolve({ code, stdout, stderr });
        });
      }),
  );
}
