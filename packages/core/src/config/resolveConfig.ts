import type { Extension, ExtensionKind } from '../contracts/Extension.js';
import type { Objective } from '../contracts/Objective.js';
import { OptimizerConfigSchema } from '../optimizers/OptimizerConfig.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { ExtensionRegistry } from '../plugins/ExtensionRegistry.js';
import { ScheduleConfigSchema } from '../trainer/ScheduleConfig.js';
import { ConfigError } from './ConfigError.js';
import { ConfigSchema, type ParsedConfig } from './ConfigSchema.js';
import { criticFormFor } from './criticFormFor.js';
import { deepFreeze } from './deepFreeze.js';
import { parseOrThrow } from './parseOrThrow.js';
import type { ResolvedConfig, ResolvedRef } from './ResolvedConfig.js';

function resolveRef(
  registry: ExtensionRegistry,
  kind: ExtensionKind,
  ref: { name: string; options: Record<string, unknown> },
  field: string,
): ResolvedRef {
  const extension: Extension = registry.get(kind, ref.name, `${field}.name`);
  const options = parseOrThrow(extension.optionsSchema, ref.options, [...field.split('.'), 'options']);
  return { name: extension.id, options: options as Record<string, unknown> };
}

/** A resolved config, the registry its ids were resolved against and its objective (each made once per run). */
export interface Resolved {
  readonly config: ResolvedConfig;
  readonly extensions: ExtensionRegistry;
  /** The objective the config's options create; the run trains this one. */
  readonly objective: Objective;
}

/**
 * Validates a raw config against core's schema and then each named extension's own
 * schema, fills every default (the objective's recommended settings first), and freezes it.
 * Throws a one-line ConfigError naming the field on any problem.
 */
export function resolve(raw: unknown, plugins: readonly IpmPlugin[]): Resolved {
  return resolveParsed(parseOrThrow(ConfigSchema, raw), plugins);
}

/** resolve() of a config already validated against core's schema (openRun parses a file once). */
export function resolveParsed(parsed: ParsedConfig, plugins: readonly IpmPlugin[]): Resolved {
  const objectiveEntry = parsed.objective;
  if (objectiveEntry === undefined)
    throw new ConfigError('required, e.g. objective: { name: wgan } (ipmgan compare reads compare.objectives)', [
      'objective',
    ]);
  const config = { ...parsed, objective: objectiveEntry };
  const registry = new ExtensionRegistry(plugins.flatMap((p) => p.extensions));

  // The objective may be named by its package (`@ipmgan/critic-wgan`) as well as by id.
  const byPackage = plugins
    .find((p) => p.name === config.objective.name)
    ?.extensions.find((e) => e.kind === 'objective');
  const objectiveName = byPackage?.id ?? config.objective.name;
  const objectiveExtension = registry.get('objective', objectiveName, 'objective.name');
  const objectiveRef = resolveRef(registry, 'objective', { ...config.objective, name: objectiveName }, 'objective');
  const objective = objectiveExtension.create(objectiveRef.options);
  const owner = plugins.find((p) => p.extensions.includes(objectiveExtension));
  const defaults = objectiveExtension.defaults;

  const constraints = objective.usesCritic
    ? (config.critic.constraints ?? defaults.constraints).map((c, i) =>
        resolveRef(registry, 'constraint', { name: c.name, options: c.options ?? {} }, `critic.constraints.${i}`),
      )
    : [];
  // The objective's requirement decides the form; a config that names another, or a refused constraint, fails here.
  const form = criticFormFor(objective, { form: config.critic.form, constraints });
  const critic = form
    ? (() => {
        const requirement = objective.requires.critic;
        const decoder =
          form === 'autoencoder'
            ? (config.critic.decoder ??
              registry.get('network', config.critic.network.name, 'critic.network.name').decoder ??
              config.critic.network)
            : undefined;
        return {
          form,
          ...(requirement?.output === 'features' ? { features: requirement.size } : {}),
          network: resolveRef(registry, 'network', config.critic.network, 'critic.network'),
          decoder: decoder ? resolveRef(registry, 'network', decoder, 'critic.decoder') : null,
          codeSize: config.critic.codeSize,
          constraints,
        };
      })()
    : null;

  const resolved: ResolvedConfig = {
    name: config.name,
    seed: config.seed,
    backend: config.backend,
    threads: config.threads,
    native: config.native,
    plugins: config.plugins,
    objective: {
      ...objectiveRef,
      package: owner?.name ?? 'unknown',
      version: owner?.version ?? 'unknown',
      usesCritic: objective.usesCritic,
      estimate: objective.estimateInfo,
    },
    data: resolveRef(registry, 'data', config.data, 'data'),
    generator: {
      noise: config.generator.noise,
      network: resolveRef(registry, 'network', config.generator.network, 'generator.network'),
    },
    critic,
    training: {
      iterations: config.training.iterations,
      batchSize: config.training.batchSize ?? defaults.batchSize,
      schedule: config.training.schedule ?? parseOrThrow(ScheduleConfigSchema, defaults.schedule),
      optimizers: {
        critic:
          config.training.optimizers.critic ??
          parseOrThrow(OptimizerConfigSchema, defaults.optimizers.critic, ['objective', 'defaults']),
        generator:
          config.training.optimizers.generator ??
          parseOrThrow(OptimizerConfigSchema, defaults.optimizers.generator, ['objective', 'defaults']),
      },
    },
    run: config.run,
    evaluation: config.evaluation,
  };
  return { config: deepFreeze(resolved), extensions: registry, objective };
}

/** The resolved config alone, for callers that validate a config without building its run. */
export function resolveConfig(raw: unknown, plugins: readonly IpmPlugin[]): ResolvedConfig {
  return resolve(raw, plugins).config;
}
