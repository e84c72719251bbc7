import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The bytes of a data file, read only when it is a regular file: a FIFO would block the
 * read until a writer comes (forever), a device such as /dev/zero never ends. It is opened
 * without blocking (a FIFO's open would block too) and checked before the first read. `fail`
 * makes the one-line error naming the config field.
 */
export async function readDataFile(file: string, fail: (what: string) => Error): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fail(`cannot read the file (${describe(error)})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw fail(
        `not a regular file (${info.isDirectory() ? 'a directory' : info.isFIFO() ? 'a FIFO' : 'a device or socket'}); expected a data file`,
      );
    try {
      return await handle.readFile();
    } catch (error) {
      throw fail(`cannot read the file (${describe(error)})`);
    }
  } finally {
    await handle.close();
  }
}
