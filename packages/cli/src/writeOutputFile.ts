import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '@ipmgan/core/engine';
import { CliError } from './CliError.js';
import { writeError } from './writeError.js';

/**
 * Writes a command's output file `path` (given by `flag`), atomically (or, with `exclusive`,
 * only if it does not exist): a missing folder or a folder in the file's place is refused
 * before anything is written, and any write error is one line naming the flag and the file
 * (writeError). Nothing is left behind on failure.
 */
export function writeOutputFile(
  flag: string,
  path: string,
  content: string | Uint8Array,
  options: { readonly exclusive?: boolean } = {},
): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new CliError(`${flag}: directory not found: ${folder}`);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new CliError(`${flag}: ${path} is a directory; give a file name`);
  try {
    if (options.exclusive === true) writeFileSync(path, content, { flag: 'wx' });
    else writeFileAtomic(path, content);
  } catch (error) {
    throw writeError(flag, path, error);
  }
}
