import type { Extension } from '../contracts/Extension.js';
import type { IpmPlugin } from './IpmPlugin.js';
import { nameFailures } from './nameFailures.js';

/**
 * The plugin with every extension (and whatever its `create` makes: the objective, data
 * source, network or constraint a run calls at every step) naming the plugin's package in
 * its errors: `ipmgan: my-plugin: objective "hinge" criticLoss() failed: ...`. Errors the
 * plugin raises as ConfigError keep their field.
 */
export function namePluginFailures(plugin: IpmPlugin): IpmPlugin {
  const extensions = plugin.extensions.map((extension): Extension => {
    const what = `${extension.kind} "${extension.id}"`;
    return nameFailures(extension, plugin.name, what, (method, made) =>
      method === 'create' && typeof made === 'object' && made !== null ? nameFailures(made, plugin.name, what) : made,
    );
  });
  return { name: plugin.name, version: plugin.version, extensions, module: plugin.module };
}
