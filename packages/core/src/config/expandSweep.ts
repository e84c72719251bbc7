import { ConfigError } from './ConfigError.js';
import type { Sweep } from './SweepSchema.js';
import { sweepLabel } from './sweepLabel.js';
import type { SweepSetting } from './SweepSetting.js';

/**
 * The settings of a sweep, in order: for `grid` every combination of the listed values
 * (the first path slowest), for `list` each entry. Each has a label naming its values
 * (`clip=0.01_nCritic=5`). Two settings with the same label are refused.
 */
export function expandSweep(sweep: Sweep): SweepSetting[] {
  let settings: { values: Record<string, unknown>; field: string }[];
  if (sweep.grid) {
    settings = [{ values: {}, field: 'compare.sweep.grid' }];
    for (const [path, values] of Object.entries(sweep.grid))
      settings = settings.flatMap((s) => values.map((v) => ({ values: { ...s.values, [path]: v }, field: s.field })));
  } else {
    settings = (sweep.list ?? []).map((values, i) => ({
      values: { ...values },
      field: `compare.sweep.list.${String(i)}`,
    }));
  }
  const paths = [...new Set(settings.flatMap((s) => Object.keys(s.values)))];
  const labelled = settings.map((s) => ({ ...s, paths, label: sweepLabel(s.values, paths) }));
  labelled.forEach((s, i) => {
    const first = labelled.findIndex((other) => other.label === s.label);
    if (first !== i)
      throw new ConfigError(`${s.field}: setting "${s.label}" is listed twice (also ${labelled[first]?.field ?? ''})`);
  });
  return labelled;
}
