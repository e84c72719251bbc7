import { useBackend } from '@ipmgan/core/engine';
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The setup every experiment spec shares: a fresh folder under the system's temp dir
 * (ipmgan-`name`-*), removed after the file's tests, and the wasm backend before them.
 */
export function withSpecDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ipmgan-${name}-`));
  test.before(async () => {
    await useBackend('wasm');
  });
  test.after.always(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
