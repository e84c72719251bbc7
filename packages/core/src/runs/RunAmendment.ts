/** One field a resumed run changed: its dotted path, the value before and the value after. */
export interface ConfigChange {
  readonly path: string;
  readonly from?: unknown;
  readonly to: unknown;
}

/**
 * A change of config made when a run was resumed (`ipmgan train --resume RUN --set path=value`),
 * as the run directory's amendments.json records it. The run's config from `fromIteration` on
 * is config.resolved.json with every amendment up to it applied in order.
 */
export interface RunAmendment {
  /** The first iteration trained with the change: the resumed checkpoint's iteration + 1. */
  readonly fromIteration: number;
  readonly changes: readonly ConfigChange[];
}
