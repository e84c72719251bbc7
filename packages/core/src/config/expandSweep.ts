import { ConfigError } from './ConfigError.js';
import type { Sweep } from './SweepSchema.js';
import { sweepLabel } from './sweepLabel.js';
import type { SweepSetting } from './SweepSetting.js';

/**
 * The settings of a sweep, in order, one at a time: for `grid` every combination of the
 * listed values (the first path slowest), for `list` each entry. Each has a label naming
 * its values (`clip=0.01_nCritic=5`). A setting whose label an earlier one had is refused
 * when it is reached. Nothing is built ahead: SweepSchema has already bounded the count
 * (MAX_SWEEP_SETTINGS), and a caller that stops early expands no further.
 */
export function* expandSweep(sweep: Sweep): Generator<SweepSetting> {
  const grid = Object.entries(sweep.grid ?? {});
  const paths = sweep.grid
    ? grid.map(([path]) => path)
    : [...new Set((sweep.list ?? []).flatMap((values) => Object.keys(values)))];
  const seen = new Map<string, string>();
  const labelled = (values: Record<string, unknown>, field: string): SweepSetting => {
    const label = sweepLabel(values, paths);
    const first = seen.get(label);
    if (first !== undefined) throw new ConfigError(`${field}: setting "${label}" is listed twice (also ${first})`);
    seen.set(label, field);
    return { values, field, paths, label };
  };
  if (!sweep.grid) {
    for (const [i, values] of (sweep.list ?? []).entries())
      yield labelled({ ...values }, `compare.sweep.list.${String(i)}`);
    return;
  }
  // An odometer over the value lists, the last path fastest.
  const index = grid.map(() => 0);
  for (;;) {
    yield labelled(
      Object.fromEntries(grid.map(([path, values], i) => [path, values[index[i] ?? 0]])),
      'compare.sweep.grid',
    );
    let digit = grid.length - 1;
    for (; digit >= 0; digit--) {
      index[digit] = (index[digit] ?? 0) + 1;
      if ((index[digit] ?? 0) < (grid[digit]?.[1].length ?? 0)) break;
      index[digit] = 0;
    }
    if (digit < 0) return;
  }
}
