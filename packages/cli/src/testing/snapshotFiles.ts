import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file and folder under `dir` as "relative/path size mtime", sorted: two snapshots are
 * equal only if nothing was created, removed, written or touched in between.
 */
export function snapshotFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      out.push(`${relative(dir, path)} ${String(stat.size)} ${String(stat.mtimeMs)}`);
    }
  };
  walk(dir);
  return out.sort();
}
