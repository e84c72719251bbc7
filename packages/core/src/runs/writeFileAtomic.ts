import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes to a temporary sibling, then renames: readers see the old file or the new one, never half. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.tmp-${String(process.pid)}`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
