import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Debian's redis-server on PATH (apt install redis-server), or null. */
export function redisServerPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this PATH entry.
    }
  }
  return null;
}

/** A free loopback port (the kernel's choice, released for the server to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** A real redis-server for a test, on a free loopback port, its files in its own temporary folder. */
export interface TestRedis {
  readonly url: string;
  /** Kills the server at once (SIGKILL: what its append-only file holds is all that survives). */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder, reading its append-only file back. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` (the path redisServerPath found) with persistence by append-only file,
 * fsynced on every write (appendfsync always), so that a server killed and restarted keeps
 * every job; nothing is saved as RDB. Resolves once it accepts connections.
 */
export async function startRedis(server: string): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'ipmgan-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const started = spawn(
        server,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          '--daemonize',
          'no',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = started;
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          started.stdout.off('data', onData);
          resolve();
        }
      };
      started.stdout.on('data', onData);
      started.on('exit', (code) => {
        if (!output.includes('Ready to accept connections'))
          reject(new Error(`redis-server exited with ${String(code)}: ${output.slice(-500)}`));
      });
    });
  const exit = async (signal: NodeJS.Signals): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.on('exit', () => {
        resolve();
      });
      running.kill(signal);
    });
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${String(port)}`,
    kill: () => exit('SIGKILL'),
    restart: launch,
    async stop() {
      await exit('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
