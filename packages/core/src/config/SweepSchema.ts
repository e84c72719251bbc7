import { z } from 'zod';
import { FORBIDDEN_KEYS } from './checkConfigShape.js';

/** A dotted config path, lists by index: `critic.constraints.0.options.clip`. */
const PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/**
 * The most settings a sweep may have (grid: the product of its list lengths). Each is at
 * least one full training run per objective and seed; past this a sweep is a typo (a
 * 10^6 grid), and it is refused before anything is expanded or created.
 */
export const MAX_SWEEP_SETTINGS = 1000;

/** The number of settings of a grid, counted without expanding it; stops counting past the bound. */
function gridSize(grid: Readonly<Record<string, readonly unknown[]>>): number {
  let size = 1;
  for (const values of Object.values(grid)) {
    size *= values.length;
    if (size > MAX_SWEEP_SETTINGS) return size;
  }
  return size;
}

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
    for (const { key, at } of paths) {
      if (!PATH.test(key))
        context.addIssue({
          code: 'custom',
          path: [...at, key],
          message: 'expected a dotted config path, e.g. critic.constraints.0.options.clip',
        });
      const forbidden = key.split('.').find((segment) => FORBIDDEN_KEYS.includes(segment));
      if (forbidden !== undefined)
        context.addIssue({
          code: 'custom',
          path: [...at, key],
          message: `"${forbidden}" is not a config field`,
        });
    }
    const size = sweep.grid ? gridSize(sweep.grid) : (sweep.list?.length ?? 0);
    if (size > MAX_SWEEP_SETTINGS)
      context.addIssue({
        code: 'custom',
        path: [sweep.grid ? 'grid' : 'list'],
        message: `expected at most ${String(MAX_SWEEP_SETTINGS)} settings (each is a training run per objective and seed), got ${
          sweep.grid
            ? `a grid of ${Object.values(sweep.grid)
                .map((values) => String(values.length))
                .join(' x ')}`
            : String(size)
        }`,
      });
  });

export type Sweep = z.output<typeof SweepSchema>;
