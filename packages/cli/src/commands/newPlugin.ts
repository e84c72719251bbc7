import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkRunParent, corePlugin } from '@ipmgan/core/engine';
import { CliError } from '../CliError.js';
import { writeError } from '../writeError.js';
import { defaultObjectiveId } from '../scaffold/defaultObjectiveId.js';
import { identifierOf } from '../scaffold/identifierOf.js';
import { objectiveIdProblem } from '../scaffold/objectiveIdProblem.js';
import { packageNameProblem } from '../scaffold/packageNameProblem.js';
import { OBJECTIVE_CRITICS, type ObjectiveCritic } from '../scaffold/ObjectiveCritic.js';
import { pluginGitignore } from '../scaffold/pluginGitignore.js';
import { PLUGIN_KINDS, type PluginKind } from '../scaffold/PluginKind.js';
import { pluginPackageJson } from '../scaffold/pluginPackageJson.js';
import { pluginReadme } from '../scaffold/pluginReadme.js';
import { pluginTsconfig } from '../scaffold/pluginTsconfig.js';
import type { PluginSpec } from '../scaffold/PluginSpec.js';
import { registryAdvice } from '../scaffold/registryAdvice.js';
import { templateFiles } from '../scaffold/templateFiles.js';

export interface NewPluginOptions {
  /** The plugin's directory; default ./<name without its scope>. */
  readonly dir?: string;
  /** The extension's id; default: derived from the name (see defaultObjectiveId). */
  readonly id?: string;
  /** What to scaffold (default objective). */
  readonly kind?: string;
  /** An objective's critic: score (default) or features. */
  readonly critic?: string;
}

/** Every file of a plugin of `kind`: package files, and src/ from the real .ts templates. */
function filesOf(kind: PluginKind, spec: PluginSpec, critic: ObjectiveCritic): ReadonlyMap<string, string> {
  return new Map([
    ['package.json', pluginPackageJson(spec, kind)],
    ['tsconfig.json', pluginTsconfig()],
    ['.gitignore', pluginGitignore()],
    ['README.md', pluginReadme(spec, kind, critic)],
    ...templateFiles(kind, spec, critic),
  ]);
}

/**
 * `ipmgan new-plugin <name>`: writes a plugin package that builds, passes core's
 * conformance kit and trains as it is. Refuses a target that exists and is not empty.
 */
export function newPlugin(name: string, options: NewPluginOptions, cwd: string): void {
  const kind = PLUGIN_KINDS.find((k) => k === (options.kind ?? 'objective'));
  if (kind === undefined)
    throw new CliError(`new-plugin: --kind: expected one of ${PLUGIN_KINDS.join(', ')}, got "${options.kind ?? ''}"`);
  const critic = OBJECTIVE_CRITICS.find((c) => c === (options.critic ?? 'score'));
  if (critic === undefined)
    throw new CliError(
      `new-plugin: --critic: expected one of ${OBJECTIVE_CRITICS.join(', ')}, got "${options.critic ?? ''}"`,
    );
  if (options.critic !== undefined && kind !== 'objective')
    throw new CliError(`new-plugin: --critic: only an objective has a critic, not --kind ${kind}`);
  const nameProblem = packageNameProblem(name);
  if (nameProblem !== null) throw new CliError(`new-plugin: ${nameProblem}`);
  const id = options.id ?? defaultObjectiveId(name);
  const idProblem = objectiveIdProblem(id);
  if (idProblem !== null)
    throw new CliError(options.id === undefined ? `new-plugin: no ${kind} id in "${name}"; pass --id` : idProblem);
  const target = resolve(cwd, options.dir ?? name.replace(/^@[^/]+\//, ''));
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0))
    throw new CliError(`new-plugin: ${target} exists and is not empty`);

  const spec = { packageName: name, id, identifier: identifierOf(id), coreVersion: corePlugin.version };
  const files = filesOf(kind, spec, critic);
  checkRunParent(target, '--dir');
  const existed = existsSync(target);
  let file = target;
  try {
    for (const [path, contents] of files) {
      file = join(target, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents, { flag: 'wx' });
    }
  } catch (error) {
    // Nothing half-written: what this command created goes (an empty target it was given stays).
    if (existed) for (const entry of readdirSync(target)) rmSync(join(target, entry), { recursive: true, force: true });
    else if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    throw writeError('--dir', file, error);
  }
  const shown = relative(cwd, target) || '.';
  process.stdout.write(
    `ipmgan: created ${name} (${kind} "${id}"${critic === 'features' ? ', feature critic' : ''}) in ${target}\n` +
      `next: cd ${shown} && npm install && npm test\n`,
  );
  // The scaffold's npm install needs @ipmgan/core from a registry: say how when it has none.
  for (const line of registryAdvice(cwd, '@ipmgan/core', corePlugin.version, `cd ${shown} && `))
    process.stdout.write(`${line}\n`);
}
