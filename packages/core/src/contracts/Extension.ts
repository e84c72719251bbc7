import type { z } from 'zod';
import type { Rng } from '../random/Rng.js';
import type { Constraint } from './Constraint.js';
import type { DataSource, MixtureModes } from './DataSource.js';
import type { EstimateInfo } from './Estimate.js';
import type { Network } from './Network.js';
import type { Objective } from './Objective.js';
import type { ObjectiveDefaults } from './ObjectiveDefaults.js';

/**
 * What every pluggable piece shares. Built-in data sources, networks and constraints
 * register through exactly this API, like outside plugins do.
 */
interface ExtensionBase<Kind extends string, Options> {
  readonly kind: Kind;
  /** The name used in config files, e.g. "ring8", "mlp", "wgan". */
  readonly id: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  /** Validates and fills defaults for the `options` object of the config entry. */
  readonly optionsSchema: z.ZodType<Options>;
}

export interface DataSourceContext {
  /** Directory that relative file paths in options resolve against (the config's). */
  readonly baseDir: string;
}

export interface DataSourceExtension<Options = unknown> extends ExtensionBase<'data', Options> {
  create(options: Options, context: DataSourceContext): DataSource | Promise<DataSource>;
  /**
   * A mixture's true modes from its options alone, without creating the source (reports
   * plot them and E3 measures collapse against them); the same as the created source's
   * `modes`. Absent for sources whose modes are unknown.
   */
  modes?(options: Options): MixtureModes;
}

export interface NetworkShapes {
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  /** Initialisation draws come from here. */
  readonly rng: Rng;
  /** Prefix for variable names, e.g. "generator" or "critic". */
  readonly name: string;
}

/** A network's size, for the memory check made before anything is allocated. */
export interface NetworkSize {
  /** Trainable and state values. */
  readonly weights: number;
  /** Floats one sample's forward pass keeps for the backward pass (every layer's output). */
  readonly activationsPerSample: number;
}

export interface NetworkExtension<Options = unknown> extends ExtensionBase<'network', Options> {
  create(options: Options, shapes: NetworkShapes): Network;
  /** Optional: the size `create` would allocate; a network without it is left out of the memory check. */
  estimateSize?(options: Options, shapes: Pick<NetworkShapes, 'inputShape' | 'outputShape'>): NetworkSize;
  /**
   * The decoder an autoencoder critic pairs with this network as its encoder when the config
   * names none (e.g. dcgan-critic's is dcgan-generator); absent: the same network and options.
   */
  readonly decoder?: { readonly name: string; readonly options: Record<string, unknown> };
}

export interface ConstraintExtension<Options = unknown> extends ExtensionBase<'constraint', Options> {
  create(options: Options): Constraint;
}

export interface ObjectiveExtension<Options = unknown> extends ExtensionBase<'objective', Options> {
  readonly estimate: EstimateInfo;
  /** Training settings the objective's authors recommend; the config overrides each. */
  readonly defaults: ObjectiveDefaults;
  create(options: Options): Objective;
}

export type Extension = DataSourceExtension | NetworkExtension | ConstraintExtension | ObjectiveExtension;

export type ExtensionKind = Extension['kind'];
