import type { PluginSpec } from './PluginSpec.js';
import { pluginConformanceSpec } from './pluginConformanceSpec.js';
import { pluginGitignore } from './pluginGitignore.js';
import { pluginIndex } from './pluginIndex.js';
import { pluginLosses } from './pluginLosses.js';
import { pluginLossesSpec } from './pluginLossesSpec.js';
import { pluginObjective } from './pluginObjective.js';
import { pluginPackageJson } from './pluginPackageJson.js';
import { pluginReadme } from './pluginReadme.js';
import { pluginTsconfig } from './pluginTsconfig.js';

/** Every file of a scaffolded plugin: path relative to the plugin's directory -> contents. */
export function pluginFiles(spec: PluginSpec): ReadonlyMap<string, string> {
  const { identifier } = spec;
  return new Map([
    ['package.json', pluginPackageJson(spec)],
    ['tsconfig.json', pluginTsconfig()],
    ['.gitignore', pluginGitignore()],
    ['README.md', pluginReadme(spec)],
    ['src/index.ts', pluginIndex(spec)],
    [`src/${identifier}.ts`, pluginObjective(spec)],
    [`src/${identifier}Losses.ts`, pluginLosses(spec)],
    [`src/${identifier}Losses.spec.ts`, pluginLossesSpec(spec)],
    ['src/conformance.spec.ts', pluginConformanceSpec()],
  ]);
}
