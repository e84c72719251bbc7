import { ContainerModule, type ContainerModuleLoadOptions } from 'inversify';

type Bind = ContainerModuleLoadOptions['bind'];
type Rebind = ContainerModuleLoadOptions['rebind'];
type RebindAsync = ContainerModuleLoadOptions['rebindAsync'];
import { ConfigError } from '../config/ConfigError.js';
import { IDS } from '../identifiers.js';
import type { IpmPlugin } from './IpmPlugin.js';
import { nameFailures } from './nameFailures.js';
import { PluginError } from './PluginError.js';

/**
 * What a plugin's ContainerModule may do with each of core's services; docs/plugin-services.md
 * is the prose of this table. Identifiers a plugin declares itself are its own to bind.
 */
const ACCESS = {
  /** Bound once by core; a plugin replaces it with rebind(). */
  replaceable: [IDS.DataSource, IDS.RunDirectory, IDS.Trainer],
  /** Multi-bound; a plugin adds values with bind() (and may rebind hooks and evaluators). */
  extendable: [IDS.TrainerHook, IDS.Evaluator],
  /** Multi-bound from every plugin's extensions: bind() adds, nothing may take them away. */
  addOnly: [IDS.Extension],
  /** Core's to bind and a plugin's to read. */
  coreOwned: [
    IDS.ResolvedConfig,
    IDS.Rng,
    IDS.PluginContexts,
    IDS.Generator,
    IDS.Critic,
    IDS.Objective,
    IDS.Constraints,
  ],
} as const satisfies Record<string, readonly symbol[]>;

const NAMES = new Map<symbol, string>(Object.entries(IDS).map(([key, id]) => [id, `IDS.${key}`]));

/** `IDS.DataSource` for core's identifiers, the description otherwise. */
function serviceName(id: unknown): string {
  return (typeof id === 'symbol' && NAMES.get(id)) || String(id);
}

/** The services a plugin may replace, bound once: binding one a second time makes it ambiguous. */
const SINGLE_SERVICES: readonly symbol[] = ACCESS.replaceable;

const includes = (list: readonly symbol[], id: unknown): boolean => typeof id === 'symbol' && list.includes(id);

const ALLOWED = `a plugin may rebind ${ACCESS.replaceable.map(serviceName).join(', ')} and bind more ${[
  ...ACCESS.extendable,
  ...ACCESS.addOnly,
]
  .map(serviceName)
  .join(', ')}`;

/** Services whose values a plugin supplies and a run calls at every step: their failures name the plugin. */
const SUPPLIED: readonly symbol[] = [IDS.DataSource, IDS.TrainerHook, IDS.Evaluator];

/**
 * The fluent binding syntax of `id` (what bind/rebind return), with the values a plugin gives
 * it (toConstantValue, or what toDynamicValue's factory makes) seen through nameFailures: an
 * error of the plugin's hook or data source names the plugin's package.
 */
function namingValues<S extends object>(syntax: S, id: unknown, plugin: string): S {
  if (!includes(SUPPLIED, id)) return syntax;
  const wrap = (value: unknown): unknown =>
    typeof value === 'object' && value !== null ? nameFailures(value, plugin, serviceName(id)) : value;
  return new Proxy(syntax, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (key === 'toConstantValue') return (given: unknown) => method.call(target, wrap(given));
      if (key === 'toDynamicValue')
        return (factory: (...args: unknown[]) => unknown) =>
          method.call(target, (...args: unknown[]) => {
            const made = factory(...args);
            return made instanceof Promise ? made.then(wrap) : wrap(made);
          });
      return method.bind(target);
    },
  });
}

/**
 * The plugin's module, loaded through options that refuse what docs/plugin-services.md does
 * not allow: binding, rebinding or unbinding a core-owned service, removing installed
 * extensions, and activation or deactivation hooks on any of core's services (a hook on
 * IDS.Trainer could swap the objective of a trainer it did not build; a plugin replaces a
 * service visibly, with rebind). The refusal is one line naming the plugin and the service;
 * any other error of the module's load names the plugin too, and so do the errors of the
 * hooks and data sources it binds (namingValues).
 */
export function guardPluginModule(plugin: IpmPlugin): ContainerModule {
  const refuse = (verb: string, id: unknown): never => {
    throw new ConfigError(
      `plugins: ${plugin.name} ${verb} ${serviceName(id)}, which is core's; ${ALLOWED} (docs/plugin-services.md)`,
    );
  };
  const check = <F extends (id: never, ...rest: never[]) => unknown>(
    verb: string,
    forbidden: readonly symbol[],
    f: F,
  ): F => ((id: never, ...rest: never[]) => (includes(forbidden, id) ? refuse(verb, id) : f(id, ...rest))) as F;
  const coreOwned: readonly symbol[] = ACCESS.coreOwned;
  const noRemoval: readonly symbol[] = [...ACCESS.coreOwned, ...ACCESS.addOnly];
  const allOfCore: readonly symbol[] = Object.values(IDS);
  const failed = (error: unknown): never => {
    if (error instanceof ConfigError || error instanceof PluginError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    throw new PluginError(`${plugin.name}: its ContainerModule failed to load: ${text.split('\n')[0] ?? text}`, {
      cause: error,
    });
  };
  return new ContainerModule(async (options: ContainerModuleLoadOptions) => {
    try {
      await plugin.module.load({
        ...options,
        bind: ((id: never) => {
          // Refused here, where the binding is made, rather than recognised in inversify's
          // "ambiguous" error when the service is resolved.
          if (includes(SINGLE_SERVICES, id) && options.isBound(id))
            throw new ConfigError(
              `plugins: ${serviceName(id)} is bound twice; a plugin replaces a core service with rebind(), not bind() (docs/plugin-services.md)`,
            );
          return namingValues(check('binds', coreOwned, options.bind)(id), id, plugin.name);
        }) as Bind,
        rebind: ((id: never) =>
          namingValues(check('rebinds', noRemoval, options.rebind)(id), id, plugin.name)) as Rebind,
        rebindAsync: (async (id: never) =>
          namingValues(await check('rebinds', noRemoval, options.rebindAsync)(id), id, plugin.name)) as RebindAsync,
        unbind: check('unbinds', noRemoval, options.unbind),
        unbindAsync: check('unbinds', noRemoval, options.unbindAsync),
        onActivation: check('hooks the activation of', allOfCore, options.onActivation),
        onDeactivation: check('hooks the deactivation of', allOfCore, options.onDeactivation),
      });
    } catch (error) {
      failed(error);
    }
  });
}
