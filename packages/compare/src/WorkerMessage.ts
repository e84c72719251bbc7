import type { TrainOutcome } from '@ipmgan/core';

/** Parent to compare worker. */
export type ToWorker =
  | {
      readonly type: 'start';
      /** The run directory, its config.resolved.json written: resumed from its checkpoint, else started. */
      readonly directory: string;
      /** The project directory: plugins are imported and relative data paths resolved from here. */
      readonly baseDir: string;
      /** Wasm threads in place of the run's saved count: a queue worker's share of its host's cores. */
      readonly threads?: number;
    }
  | { readonly type: 'stop' };

/** Compare worker to parent. */
export type FromWorker =
  | { readonly type: 'progress'; readonly iteration: number; readonly estimate?: number; readonly w1?: number }
  | { readonly type: 'done'; readonly outcome: TrainOutcome; readonly seconds: number }
  | { readonly type: 'failed'; readonly message: string; readonly diverged: boolean };
