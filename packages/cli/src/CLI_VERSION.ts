import { readFileSync } from 'node:fs';

/** @ipmgan/cli's version, from its package.json (one place), read without loading anything else. */
export const CLI_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
