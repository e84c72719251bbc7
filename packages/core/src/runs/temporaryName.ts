import { randomBytes } from 'node:crypto';

/** Random per process: with the pid it makes this process's temporary names its own, even after the pid is reused. */
const token = randomBytes(6).toString('hex');

/**
 * The temporary sibling a writer of this process uses for `path`: `<path>.tmp-<pid>-<token>`.
 * The token is recorded in the run's lock file (RunLock), so that the next writer removes
 * exactly the temporaries of a holder that died, and nothing else that merely looks like one.
 */
export function temporaryName(path: string): string {
  return `${path}.tmp-${String(process.pid)}-${token}`;
}

/** This process's token, as temporaryName() uses it. */
temporaryName.token = token;
