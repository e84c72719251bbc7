import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './freePort.js';
import type { LocalRegistry } from './LocalRegistry.js';
import { processGroups } from './processGroups.js';
import { verdaccioConfig } from './verdaccioConfig.js';

async function isUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts Verdaccio (the repository's devDependency, `npx verdaccio` from `repoRoot`) on
 * 127.0.0.1, on a free port, with its config and storage in `dir`, in its own process group,
 * and waits until it answers /-/ping. A port taken between the pick and the bind is retried.
 */
export async function startRegistry(dir: string, repoRoot: string, env: NodeJS.ProcessEnv): Promise<LocalRegistry> {
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'verdaccio.yaml');
  writeFileSync(configFile, verdaccioConfig);
  const logFile = join(dir, 'verdaccio.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const log = openSync(logFile, 'a');
    const args = ['verdaccio', '--config', configFile, '--listen', `127.0.0.1:${String(port)}`];
    const child = spawn('npx', args, {
      cwd: repoRoot,
      env,
      detached: true,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const pid = child.pid;
    if (pid === undefined) throw new Error('npx verdaccio did not start');
    processGroups.add(pid);
    const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
    const exit = new Promise<void>((resolveExit) => {
      child.once('exit', () => {
        processGroups.delete(pid);
        resolveExit();
      });
    });
    const stop = async (): Promise<void> => {
      if (exited()) return;
      processGroups.signal(pid, 'SIGTERM');
      await Promise.race([exit, sleep(5000)]);
      if (!exited()) processGroups.signal(pid, 'SIGKILL');
      await exit;
    };
    const deadline = Date.now() + 60_000;
    while (!exited() && Date.now() < deadline && !(await isUp(url))) await sleep(200);
    if (!exited() && Date.now() < deadline) return { url, command: `npx ${args.join(' ')}`, configFile, logFile, stop };
    await stop();
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
    if (attempt === 3 || !tail.includes('EADDRINUSE'))
      throw new Error(`verdaccio did not answer on ${url} (log ${logFile}):\n${tail}`);
  }
}
