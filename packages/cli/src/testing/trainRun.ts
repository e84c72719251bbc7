import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIpmgan } from './runIpmgan.js';

/**
 * Writes `config` to `dir`/`name`.yaml, trains it with the built `ipmgan train` run in `dir` and
 * returns the run directory it printed; throws with train's stderr if it fails.
 */
export function trainRun(dir: string, name: string, config: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, config);
  const { code, stderr, stdout } = runIpmgan(['train', '-c', file], dir);
  if (code !== 0) throw new Error(stderr);
  return /results in (\S+)/.exec(stdout)?.[1] ?? '';
}
