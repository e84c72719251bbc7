import type { PluginSpec } from './PluginSpec.js';

/** src/index.ts: the plugin value ipmgan's loader imports. */
export function pluginIndex(spec: PluginSpec): string {
  const { identifier } = spec;
  return `import { definePlugin } from '@ipmgan/core';
import { ${identifier} } from './${identifier}.js';

export { ${identifier} } from './${identifier}.js';
export { ${identifier}Losses } from './${identifier}Losses.js';

/** What ipmgan imports: \`objective: { name: ${spec.id} }\` in a config file selects the objective. */
export const ipmganPlugin = definePlugin({
  name: '${spec.packageName}',
  version: '0.1.0',
  extensions: [${identifier}],
});
`;
}
