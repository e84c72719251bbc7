import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../CliError.js';
import { starterConfig } from '../starterConfig.js';
import { writeOutputFile } from '../writeOutputFile.js';

export interface InitOptions {
  readonly output?: string;
  readonly force?: boolean;
}

/** `ipmgan init`: writes a commented starter config; an existing file is kept unless --force. */
export function init(options: InitOptions, cwd: string): void {
  const path = resolve(cwd, options.output ?? 'ipmgan.config.yaml');
  if (existsSync(path) && statSync(path).isDirectory())
    throw new CliError(`-o: ${path} is a directory; give a file name`);
  if (existsSync(path) && options.force !== true)
    throw new CliError(`init: ${path} exists; pass --force to overwrite it`);
  writeOutputFile('-o', path, starterConfig, { exclusive: options.force !== true });
  process.stdout.write(`ipmgan: wrote ${path}; train it with: ipmgan train -c ${path}\n`);
}
