import { spawn } from 'node:child_process';
import type { CommandResult } from './CommandResult.js';
import { processGroups } from './processGroups.js';

export interface RunCommandOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The whole process group is killed after this long. */
  readonly timeoutMs: number;
}

/**
 * Runs one command line through the shell, as a user types it, without blocking the event
 * loop (the signal handlers must stay able to stop the registry meanwhile). The child leads
 * its own process group, so a timeout or an interrupt ends npm and everything npm started.
 */
export function runCommand(command: string, options: RunCommandOptions): Promise<CommandResult> {
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, {
      cwd: options.cwd,
      env: options.env,
      shell: '/bin/sh',
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    if (pid !== undefined) processGroups.add(pid);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      if (pid !== undefined) processGroups.signal(pid, 'SIGKILL');
    }, options.timeoutMs);
    const settle = (): void => {
      clearTimeout(timer);
      if (pid !== undefined) processGroups.delete(pid);
    };
    child.on('error', (error) => {
      settle();
      reject(error);
    });
    child.on('close', (code, signal) => {
      settle();
      resolvePromise({
        command,
        cwd: options.cwd,
        code,
        signal,
        stdout,
        stderr,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
  });
}
