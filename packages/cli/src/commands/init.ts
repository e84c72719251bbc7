import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '@ipmgan/core/engine';
import { CliError } from '../CliError.js';
import { starterConfig } from '../starterConfig.js';

export interface InitOptions {
  readonly output?: string;
  readonly force?: boolean;
}

/** `ipmgan init`: writes a commented starter config; an existing file is kept unless --force. */
export function init(options: InitOptions, cwd: string): void {
  const path = resolve(cwd, options.output ?? 'ipmgan.config.yaml');
  if (!existsSync(dirname(path))) throw new CliError(`-o: directory not found: ${dirname(path)}`);
  if (existsSync(path) && options.force !== true)
    throw new CliError(`init: ${path} exists; pass --force to overwrite it`);
  if (options.force === true) writeFileAtomic(path, starterConfig);
  else writeFileSync(path, starterConfig, { flag: 'wx' });
  process.stdout.write(`ipmgan: wrote ${path}; train it with: ipmgan train -c ${path}\n`);
}
