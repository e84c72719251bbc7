import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `<parent>/<name>-<UTC time to the second>` (e.g. ring-20261206T163804Z), with -2, -3, ...
 * appended while that path exists: the one naming of the folders a command creates (a run, a
 * comparison, a reproduction), so that two started in the same second never share one.
 */
export function stampedPath(parent: string, name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let path = join(parent, `${name}-${stamp}`);
  for (let i = 2; existsSync(path); i++) path = join(parent, `${name}-${stamp}-${String(i)}`);
  return path;
}
