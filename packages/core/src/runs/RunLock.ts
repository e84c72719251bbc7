import { existsSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/ConfigError.js';
import { processAlive } from './processAlive.js';
import { temporaryName } from './temporaryName.js';

const HolderSchema = z.strictObject({
  pid: z.number().int().positive(),
  host: z.string(),
  token: z.string().regex(/^[0-9a-f]+$/),
  since: z.string(),
});

/** Who holds a run's lock, as its lock file records it. */
export type RunLockHolder = z.output<typeof HolderSchema>;

/** Locks this process holds, by lock file, with how many times each was taken (one process may open its run twice). */
const held = new Map<string, number>();
let releaseOnExit = false;

function readHolder(path: string): RunLockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function own(): RunLockHolder {
  return { pid: process.pid, host: hostname(), token: temporaryName.token, since: new Date().toISOString() };
}

/**
 * The advisory lock of one run directory: a file `.ipmgan.lock` holding the writer's pid,
 * host and temporary-name token, created atomically (link, which fails when the name exists)
 * so that of two writers exactly one gets it. A lock whose holder is on this host and no longer running is stale: it is taken over,
 * and the holder's temporaries are what `stale` returns for the caller to remove. Released by
 * release(), and at the latest when the process exits.
 */
export class RunLock {
  private constructor(
    readonly path: string,
    /** The dead holder this lock was taken from, if any: its temporaries may be removed. */
    readonly stale: RunLockHolder | null,
  ) {}

  static fileIn(runPath: string): string {
    return join(runPath, '.ipmgan.lock');
  }

  /** Throws the line acquire() would when another live process holds the lock; takes nothing. */
  static refuseIfHeld(runPath: string, flag: string): void {
    const path = RunLock.fileIn(runPath);
    if (held.has(path)) return;
    const holder = readHolder(path);
    if (holder && (holder.host !== hostname() || processAlive(holder.pid))) throw RunLock.#busy(runPath, flag, holder);
  }

  static #busy(runPath: string, flag: string, holder: RunLockHolder | null): ConfigError {
    const path = RunLock.fileIn(runPath);
    const who = holder
      ? `process ${String(holder.pid)} on ${holder.host} (since ${holder.since})`
      : 'another process (its lock file is unreadable)';
    return new ConfigError(
      `${flag}: ${runPath} is being written by ${who}; wait for it to end, or delete ${path} if it is gone`,
    );
  }

  /** Takes the lock of the run at `runPath`, or throws one line naming the holder. */
  static acquire(runPath: string, flag: string): RunLock {
    const path = RunLock.fileIn(runPath);
    const count = held.get(path);
    if (count !== undefined) {
      held.set(path, count + 1);
      return new RunLock(path, null);
    }
    let stale: RunLockHolder | null = null;
    for (let attempt = 0; ; attempt++) {
      // A lock in place is judged before anything is written: a refused writer leaves the run
      // folder untouched (its mtime included).
      if (existsSync(path)) {
        const holder = readHolder(path);
        if (!holder && !existsSync(path)) continue;
        if (!holder || holder.host !== hostname() || processAlive(holder.pid) || attempt > 2)
          throw RunLock.#busy(runPath, flag, holder);
        if (!RunLock.#takeOver(path, holder)) continue;
        stale = holder;
      }
      if (RunLock.#create(path, flag)) break;
    }
    held.set(path, 1);
    if (!releaseOnExit) {
      releaseOnExit = true;
      process.on('exit', () => {
        for (const file of held.keys()) RunLock.#remove(file);
      });
    }
    return new RunLock(path, stale);
  }

  /**
   * Creates the lock file, false when it exists: its content is written to a temporary first
   * and linked into place (link, like O_EXCL, fails when the name exists), so a writer killed
   * at any moment never leaves an empty lock that no one could judge stale.
   */
  static #create(path: string, flag: string): boolean {
    const temp = temporaryName(path);
    try {
      writeFileSync(temp, `${JSON.stringify(own())}\n`, { flag: 'wx' });
      linkSync(temp, path);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      throw new ConfigError(`${flag}: cannot create the run's lock file ${path} (${code ?? String(error)})`);
    } finally {
      rmSync(temp, { force: true });
    }
  }

  /**
   * Moves a stale lock aside atomically (rename), so that of two processes taking it over
   * only one succeeds. Should the file moved turn out to be a fresh lock another process just
   * took, it is linked back (link fails rather than replace a newer one).
   */
  static #takeOver(path: string, holder: RunLockHolder): boolean {
    const aside = temporaryName(`${path}.stale`);
    try {
      renameSync(path, aside);
    } catch {
      return false;
    }
    const moved = readHolder(aside);
    if (moved?.token !== holder.token || moved.pid !== holder.pid) {
      try {
        linkSync(aside, path);
      } catch {
        // A newer lock is in place: the one moved aside is the loser of a race, as the newer holder decided.
      }
      rmSync(aside, { force: true });
      return false;
    }
    rmSync(aside, { force: true });
    return true;
  }

  static #remove(path: string): void {
    const holder = readHolder(path);
    if (holder?.pid === process.pid && holder.token === temporaryName.token) rmSync(path, { force: true });
  }

  /** Gives the lock back (the last of this process's holds on it removes the file). */
  release(): void {
    const count = held.get(this.path);
    if (count === undefined) return;
    if (count > 1) {
      held.set(this.path, count - 1);
      return;
    }
    held.delete(this.path);
    RunLock.#remove(this.path);
  }
}
