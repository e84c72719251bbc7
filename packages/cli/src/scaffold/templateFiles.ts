import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ObjectiveCritic } from './ObjectiveCritic.js';
import type { PluginKind } from './PluginKind.js';
import type { PluginSpec } from './PluginSpec.js';

const pascal = (identifier: string): string => identifier.charAt(0).toUpperCase() + identifier.slice(1);

/**
 * The src/ files of a plugin of any kind, from the real TypeScript
 * templates in src/scaffold/templates/<kind>/ (objective-features/ for an objective with a
 * feature critic; compiled, linted and tested with the CLI, so
 * they cannot drift from core's API): the template's package name, id, identifier and class
 * name (ipmgan-template-<kind>, template-<kind>, template<Kind>, Template<Kind>) become the spec's.
 * The CLI's own test run leaves out the templates' killResume.spec.ts: its child processes find
 * the plugin from the package folder, which only a scaffolded plugin has (newPlugin.spec and
 * the registry test run them there).
 */
export function templateFiles(
  kind: PluginKind,
  spec: PluginSpec,
  critic: ObjectiveCritic = 'score',
): ReadonlyMap<string, string> {
  // From dist/scaffold/ (the built CLI) or src/scaffold/ (tests under tsx): the .ts sources in src/.
  const folder = kind === 'objective' && critic === 'features' ? 'objective-features' : kind;
  const directory = fileURLToPath(new URL(`../../src/scaffold/templates/${folder}/`, import.meta.url));
  const tokens: readonly [string, string][] = [
    [`ipmgan-template-${kind}`, spec.packageName],
    [`template-${kind}`, spec.id],
    [`Template${pascal(kind)}`, pascal(spec.identifier)],
    [`template${pascal(kind)}`, spec.identifier],
  ];
  const fill = (text: string): string => tokens.reduce((s, [from, to]) => s.replaceAll(from, to), text);
  return new Map(
    readdirSync(directory)
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .map((file) => [`src/${fill(file)}`, fill(readFileSync(`${directory}${file}`, 'utf8'))]),
  );
}
