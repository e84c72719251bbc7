import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Footprint {
  /** Installed package copies, nested ones included (the keys of npm's hidden lockfile). */
  readonly packages: number;
  /** Sum of file sizes, links not followed. */
  readonly bytes: number;
  /** Disk usage of files and folders, as `du` counts it (512-byte blocks). */
  readonly diskBytes: number;
}

function addUp(dir: string, into: { bytes: number; diskBytes: number }): void {
  into.diskBytes += lstatSync(dir).blocks * 512;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) addUp(path, into);
    else {
      const stat = lstatSync(path);
      into.diskBytes += stat.blocks * 512;
      if (entry.isFile()) into.bytes += stat.size;
    }
  }
}

/** What an install put in `<project>/node_modules`. */
export function nodeModulesFootprint(project: string): Footprint {
  const hidden = JSON.parse(readFileSync(join(project, 'node_modules', '.package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  const sizes = { bytes: 0, diskBytes: 0 };
  addUp(join(project, 'node_modules'), sizes);
  return { packages: Object.keys(hidden.packages).filter((path) => path.startsWith('node_modules/')).length, ...sizes };
}
