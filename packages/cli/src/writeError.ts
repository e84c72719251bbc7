import { CliError } from './CliError.js';

/** What the errno codes of a write mean, and whether they are the user's choice of place (bad input). */
const CODES: Readonly<Record<string, { readonly meaning: string; readonly badInput: boolean }>> = {
  EACCES: { meaning: 'permission denied', badInput: true },
  EPERM: { meaning: 'operation not permitted', badInput: true },
  EROFS: { meaning: 'read-only file system', badInput: true },
  EISDIR: { meaning: 'it is a directory', badInput: true },
  ENOTDIR: { meaning: 'a part of the path is not a directory', badInput: true },
  ENOENT: { meaning: 'no such directory', badInput: true },
  ENAMETOOLONG: { meaning: 'the name is too long', badInput: true },
  EEXIST: { meaning: 'it already exists', badInput: true },
  ENOSPC: { meaning: 'no space left on the device', badInput: false },
  EDQUOT: { meaning: 'disk quota exceeded', badInput: false },
  EIO: { meaning: 'input/output error', badInput: false },
};

/**
 * The one-line error for a failed write of `path` given by `flag` (`-o`, `--dir`, `stdout`):
 * a place the user chose that cannot be written (EACCES, EISDIR, ...) is a CliError (exit 2),
 * a failure of the disk while writing (ENOSPC, EIO) an Error (exit 1); never errno's raw text.
 */
export function writeError(flag: string, path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : CODES[code];
  const reason = known
    ? `${code ?? ''}: ${known.meaning}`
    : error instanceof Error
      ? error.message.split('\n')[0]
      : String(error);
  const line = `${flag}: cannot write ${path} (${reason ?? ''})`;
  return known?.badInput === false || !known ? new Error(line, { cause: error }) : new CliError(line, { cause: error });
}
