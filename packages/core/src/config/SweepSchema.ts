import { z } from 'zod';

/** A dotted config path, lists by index: `critic.constraints.0.options.clip`. */
const PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/**
 * `compare.sweep`: the settings every objective and seed of a compare is run at. `grid`
 * crosses the listed values of each path (the first path varies slowest); `list` gives
 * the settings one by one. Exactly one of the two.
 */
export const SweepSchema = z
  .strictObject({
    grid: z.record(z.string(), z.array(z.unknown()).min(1)).optional(),
    list: z.array(z.record(z.string(), z.unknown())).min(1).optional(),
  })
  .superRefine((sweep, context) => {
    if ((sweep.grid === undefined) === (sweep.list === undefined))
      context.addIssue({ code: 'custom', message: 'expected exactly one of grid, list' });
    if (sweep.grid && Object.keys(sweep.grid).length === 0)
      context.addIssue({ code: 'custom', path: ['grid'], message: 'expected at least one path' });
    sweep.list?.forEach((setting, i) => {
      if (Object.keys(setting).length === 0)
        context.addIssue({ code: 'custom', path: ['list', i], message: 'expected at least one path' });
    });
    const paths = [
      ...Object.keys(sweep.grid ?? {}).map((key) => ({ key, at: ['grid'] as (string | number)[] })),
      ...(sweep.list ?? []).flatMap((setting, i) => Object.keys(setting).map((key) => ({ key, at: ['list', i] }))),
    ];
    for (const { key, at } of paths)
      if (!PATH.test(key))
        context.addIssue({
          code: 'custom',
          path: [...at, key],
          message: 'expected a dotted config path, e.g. critic.constraints.0.options.clip',
        });
  });

export type Sweep = z.output<typeof SweepSchema>;
