import type { ExperimentOptions } from './ExperimentOptions.js';
import type { ExperimentOutcome } from './ExperimentOutcome.js';

/** One runnable experiment: what `ipmgan reproduce <name>` runs and writes into `<out>/<name>/`. */
export interface ExperimentVariant {
  /** The config's name, the output folder's and the shipped configs/<name>.yaml's. */
  readonly name: string;
  /** Shown beside the name in the CLI's help, e.g. "MLPs". */
  readonly note?: string;
  readonly description: string;
  /** The shipped config: this package's configs/<name>.yaml. */
  readonly defaultConfig: string;
  /**
   * The quick scale (`ipmgan reproduce --quick`): configs/quick/<name>.yaml, the same claims judged
   * on fewer iterations or seeds. Absent where the shipped config is already quick.
   */
  readonly quickConfig?: string;
  /** Reads and validates a config file of this experiment: a one-line ConfigError naming the file and field. */
  validate(configPath: string): Promise<void>;
  /** Reads and validates the config file, runs the experiment, writes its report into outDir. */
  run(configPath: string, outDir: string, options?: ExperimentOptions): Promise<ExperimentOutcome<unknown>>;
}

/** One experiment of the paper (a folder of this package): a key such as "e3" and the variants it runs. */
export interface Experiment {
  readonly key: string;
  /** A few words for the CLI's help, e.g. "mixtures". */
  readonly what: string;
  readonly variants: readonly ExperimentVariant[];
}
