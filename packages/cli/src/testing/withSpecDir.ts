import { rmSync } from 'node:fs';
import test from 'ava';
import { makeTempDir } from './makeTempDir.js';

/** A spec file's own folder (makeTempDir(`prefix`)), removed after the file's tests. */
export function withSpecDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  test.after.always(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
