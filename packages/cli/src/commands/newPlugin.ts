import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { corePlugin } from '@ipmgan/core';
import { CliError } from '../CliError.js';
import { defaultObjectiveId } from '../scaffold/defaultObjectiveId.js';
import { identifierOf } from '../scaffold/identifierOf.js';
import { objectiveIdProblem } from '../scaffold/objectiveIdProblem.js';
import { packageNameProblem } from '../scaffold/packageNameProblem.js';
import { pluginFiles } from '../scaffold/pluginFiles.js';

export interface NewPluginOptions {
  /** The plugin's directory; default ./<name without its scope>. */
  readonly dir?: string;
  /** The objective's id; default: derived from the name (see defaultObjectiveId). */
  readonly id?: string;
}

/**
 * `ipmgan new-plugin <name>`: writes a plugin package that builds, passes core's
 * conformance kit and trains as it is. Refuses a target that exists and is not empty.
 */
export function newPlugin(name: string, options: NewPluginOptions, cwd: string): void {
  const nameProblem = packageNameProblem(name);
  if (nameProblem !== null) throw new CliError(`new-plugin: ${nameProblem}`);
  const id = options.id ?? defaultObjectiveId(name);
  const idProblem = objectiveIdProblem(id);
  if (idProblem !== null)
    throw new CliError(options.id === undefined ? `new-plugin: no objective id in "${name}"; pass --id` : idProblem);
  const target = resolve(cwd, options.dir ?? name.replace(/^@[^/]+\//, ''));
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0))
    throw new CliError(`new-plugin: ${target} exists and is not empty`);

  const files = pluginFiles({ packageName: name, id, identifier: identifierOf(id), coreVersion: corePlugin.version });
  for (const [path, contents] of files) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents, { flag: 'wx' });
  }
  const shown = relative(cwd, target) || '.';
  process.stdout.write(
    `ipmgan: created ${name} (objective "${id}") in ${target}\n` +
      `next: cd ${shown} && npm install && npm run build && npm test\n`,
  );
}
