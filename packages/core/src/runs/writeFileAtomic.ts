import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { temporaryName } from './temporaryName.js';

/** Writes to a temporary sibling, then renames: readers see the old file or the new one, never half. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = temporaryName(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
