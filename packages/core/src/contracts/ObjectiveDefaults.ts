import type { OptimizerConfigInput } from '../optimizers/OptimizerConfig.js';
import type { ScheduleConfigInput } from '../trainer/ScheduleConfig.js';

/** An entry of `critic.constraints` in a config file. */
export interface ConstraintRef {
  readonly name: string;
  readonly options?: Record<string, unknown>;
}

/** The settings an objective ships with. */
export interface ObjectiveDefaults {
  readonly batchSize: number;
  readonly schedule: ScheduleConfigInput;
  readonly optimizers: { readonly critic: OptimizerConfigInput; readonly generator: OptimizerConfigInput };
  readonly constraints: readonly ConstraintRef[];
}
