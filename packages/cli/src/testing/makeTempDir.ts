import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './runIpmgan.js';

/**
 * A new folder under the repository's git-ignored runs/, so that the workspace's plugins
 * are found from it. The caller removes it (test.after.always).
 */
export function makeTempDir(prefix: string): string {
  mkdirSync(join(repoRoot, 'runs'), { recursive: true });
  return mkdtempSync(join(repoRoot, 'runs', `${prefix}-`));
}
