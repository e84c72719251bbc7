import type { KernelSet } from '../backend/KernelSet.js';
import type { EstimateInfo } from '../contracts/Estimate.js';
import type { OptimizerConfig } from '../optimizers/OptimizerConfig.js';
import type { ScheduleConfig } from '../trainer/ScheduleConfig.js';
import type { ParsedConfig } from './ConfigSchema.js';

/** A config entry after its name is resolved to an installed extension and its options validated. */
export interface ResolvedRef {
  /** The extension's canonical id (an alias in the file is replaced by it). */
  readonly name: string;
  /** Every option, defaults filled in. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** The config with every default filled in; frozen, and written to the run directory. */
export interface ResolvedConfig {
  readonly name: string;
  readonly seed: number;
  readonly backend: ParsedConfig['backend'];
  /** Absent in run directories written before the setting existed, which ran on 1 thread. */
  readonly threads?: ParsedConfig['threads'];
  /** Absent in run directories written before the setting existed, which ran on wasm's kernels. */
  readonly native?: ParsedConfig['native'];
  /** The kernels the run trained with, recorded when its directory is created (absent before). */
  readonly kernels?: KernelSet;
  readonly plugins: readonly string[];
  readonly objective: ResolvedRef & {
    readonly package: string;
    readonly version: string;
    readonly usesCritic: boolean;
    readonly estimate: EstimateInfo;
  };
  readonly data: ResolvedRef;
  readonly generator: {
    readonly noise: ParsedConfig['generator']['noise'];
    readonly network: ResolvedRef;
  };
  /** null when the objective trains no critic. */
  readonly critic: {
    /** The form the objective requires (its `requires.critic.output`). */
    readonly form: 'score' | 'features' | 'autoencoder';
    /** The features form only: the network's output count (the requirement's `size`). */
    readonly features?: number;
    readonly network: ResolvedRef;
    readonly decoder: ResolvedRef | null;
    readonly codeSize: number;
    readonly constraints: readonly ResolvedRef[];
  } | null;
  readonly training: {
    readonly iterations: number;
    readonly batchSize: number;
    readonly schedule: ScheduleConfig;
    readonly optimizers: { readonly critic: OptimizerConfig; readonly generator: OptimizerConfig };
  };
  readonly run: ParsedConfig['run'];
  readonly evaluation: ParsedConfig['evaluation'];
}
