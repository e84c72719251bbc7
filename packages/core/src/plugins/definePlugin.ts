import { ContainerModule, type ContainerModuleLoadOptions } from 'inversify';
import type { Extension } from '../contracts/Extension.js';
import { IDS } from '../identifiers.js';
import type { IpmPlugin } from './IpmPlugin.js';

export interface PluginDefinition {
  readonly name: string;
  readonly version: string;
  readonly extensions: readonly Extension[];
  /** Further bindings (e.g. a TrainerHook) beside the extensions. */
  readonly load?: (options: ContainerModuleLoadOptions) => void;
}

/** Builds an IpmPlugin whose ContainerModule multi-binds each extension to IDS.Extension. */
export function definePlugin(definition: PluginDefinition): IpmPlugin {
  return {
    name: definition.name,
    version: definition.version,
    extensions: definition.extensions,
    module: new ContainerModule((options) => {
      for (const extension of definition.extensions) options.bind<Extension>(IDS.Extension).toConstantValue(extension);
      definition.load?.(options);
    }),
  };
}
