import { readFile, stat } from 'node:fs/promises';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The bytes of a data file, read only when it is a regular file: a FIFO would block the
 * read until a writer comes (forever), a device such as /dev/zero never ends. `fail` makes
 * the one-line error naming the config field.
 */
export async function readDataFile(file: string, fail: (what: string) => Error): Promise<Buffer> {
  let regular: boolean;
  let kind = '';
  try {
    const info = await stat(file);
    regular = info.isFile();
    kind = info.isDirectory() ? 'a directory' : info.isFIFO() ? 'a FIFO' : 'a device or socket';
  } catch (error) {
    throw fail(`cannot read the file (${describe(error)})`);
  }
  if (!regular) throw fail(`not a regular file (${kind}); expected a data file`);
  try {
    return await readFile(file);
  } catch (error) {
    throw fail(`cannot read the file (${describe(error)})`);
  }
}
