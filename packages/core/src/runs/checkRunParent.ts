import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { ConfigError } from '../config/ConfigError.js';

/** Kernel file systems: files there are not files (mkdir -p under /proc never returns on Linux). */
const VIRTUAL = ['/proc', '/sys', '/dev'];

/** Under /dev, the one folder of ordinary files (shared memory, a tmpfs). */
const ORDINARY = '/dev/shm';

const isWithin = (root: string, path: string): boolean => {
  const within = relative(root, path);
  return within === '' || (!within.startsWith('..') && !within.startsWith('/'));
};

/**
 * Refuses, before anything is created, a folder to write into (`run.dir` resolved, new-plugin's --dir) that lies
 * under /proc, /sys or /dev once symlinks are followed, or whose nearest existing ancestor
 * is not a folder or not writable: one line naming `field`.
 */
export function checkRunParent(parent: string, field = 'run.dir'): void {
  let existing = parent;
  const missing: string[] = [];
  for (;;) {
    try {
      statSync(existing);
      break;
    } catch {
      if (dirname(existing) === existing) break;
      missing.unshift(basename(existing));
      existing = dirname(existing);
    }
  }
  const real = join(realpathSync(existing), ...missing);
  const virtual = isWithin(ORDINARY, real) ? undefined : VIRTUAL.find((root) => isWithin(root, real));
  if (virtual !== undefined)
    throw new ConfigError(`${field}: ${parent} is under ${virtual}, a kernel file system; choose a folder on disk`);
  if (!statSync(existing).isDirectory())
    throw new ConfigError(`${field}: ${existing} is a file, not a folder; choose another folder`);
  try {
    accessSync(existing, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`${field}: ${existing} is not writable (${code}); choose another folder`);
  }
}
