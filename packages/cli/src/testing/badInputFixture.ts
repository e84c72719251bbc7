import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TINY_WGAN_CONFIG } from './TINY_WGAN_CONFIG.js';
import { trainRun } from './trainRun.js';
import { withSpecDir } from './withSpecDir.js';

/** What a bad-input suite's cases break: a good config, the run it trained, and files beside them. */
export interface BadInputFixture {
  /** The fixture folder (withSpecDir), the suite's working directory. */
  readonly root: string;
  /** root/good.yaml: TINY_WGAN_CONFIG. */
  readonly good: string;
  /** The run good.yaml trained in root, without its report.html. */
  readonly run: string;
  /** Writes `content` to root/`name` (making its folders) and returns the path. */
  readonly write: (name: string, content: string | Uint8Array) => string;
  /** `train -c good.yaml` with each assignment as a --set. */
  readonly set: (...assignments: string[]) => string[];
}

/** The fixture the bad-input and hostile-input suites share, in a new folder withSpecDir(`prefix`). */
export function badInputFixture(prefix: string): BadInputFixture {
  const root = withSpecDir(prefix);
  const write = (name: string, content: string | Uint8Array): string => {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };
  const run = trainRun(root, 'good', TINY_WGAN_CONFIG);
  rmSync(join(run, 'report.html'), { force: true });
  const good = join(root, 'good.yaml');
  const set = (...assignments: string[]): string[] => [
    'train',
    '-c',
    good,
    ...assignments.flatMap((a) => ['--set', a]),
  ];
  return { root, good, run, write, set };
}
