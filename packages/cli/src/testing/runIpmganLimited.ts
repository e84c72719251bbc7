import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './runIpmgan.js';

const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

// A few at a time: each call is a process start (~1 s), most of it module loading.
const CONCURRENCY = 4;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs the built `ipmgan` binary without colours, at most CONCURRENCY at once, and resolves with its exit code and output. */
export async function runIpmganLimited(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => {
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    running--;
    waiting.shift()?.();
  }
}
