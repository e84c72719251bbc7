import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { corePlugin } from '@ipmgan/core/engine';
import { CliError } from '../CliError.js';
import { registryAdvice } from '../scaffold/registryAdvice.js';
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
  process.stdout.write(`ipmgan: wrote ${path}; train it with: npx ipmgan train -c ${path}\n`);
  // The starter config trains WGAN: where its package is not installed (plugins resolve from
  // the folder ipmgan runs in), say how to get it.
  if (!resolvesFrom(cwd, STARTER_PACKAGE)) {
    process.stdout.write(`ipmgan: its objective needs ${STARTER_PACKAGE}: npm install ${STARTER_PACKAGE}\n`);
    for (const line of registryAdvice(cwd, STARTER_PACKAGE, corePlugin.version, '')) process.stdout.write(`${line}\n`);
  }
}

/** The package of the starter config's objective (wgan). */
const STARTER_PACKAGE = '@ipmgan/critic-wgan';

function resolvesFrom(directory: string, name: string): boolean {
  try {
    createRequire(join(directory, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}
