import type { TopLevelSpec } from 'vega-lite';
import { SUMMARY_COLUMNS } from '../SUMMARY_COLUMNS.js';
import type { SummaryRow } from '../SummaryRow.js';
import type { SweepRun } from '../SweepRun.js';

const PLOTTED = ['w1', 'massKl', 'modesCovered', 'estimateOverK', 'meaningfulLoss', 'msPerIteration'] as const;

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The metrics of a sweep against each swept value: one column per swept path, one row per
 * metric the runs recorded (mean and ± 1 standard error over seeds at the last evaluation),
 * one line per objective and setting of the other paths. Null without a sweep or a metric.
 */
export function sweepChart(rows: readonly SummaryRow[], sweep: readonly SweepRun[]): TopLevelSpec | null {
  const paths = [...new Set(sweep.flatMap((s) => Object.keys(s.settings)))];
  if (paths.length === 0) return null;
  const metrics = PLOTTED.filter((key) => rows.some((r) => r.cells[key] !== null));
  const header = (key: (typeof PLOTTED)[number]): string => SUMMARY_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const values = rows.flatMap((row) => {
    const run = sweep.find((s) => s.label === row.label);
    if (!run) return [];
    return paths.flatMap((path) => {
      if (!(path in run.settings)) return [];
      const others = paths.filter((p) => p !== path && p in run.settings);
      const series = [run.objective, ...others.map((p) => `${p.split('.').at(-1) ?? p}=${show(run.settings[p])}`)].join(
        ', ',
      );
      return metrics.flatMap((key) => {
        const cell = row.cells[key];
        if (!cell) return [];
        const se = cell.se ?? 0;
        return [
          {
            path,
            value: show(run.settings[path]),
            series,
            metric: header(key),
            mean: cell.mean,
            low: cell.mean - se,
            high: cell.mean + se,
          },
        ];
      });
    });
  });
  if (values.length === 0) return null;
  const x = { field: 'value', type: 'ordinal' as const, title: null, sort: null };
  return {
    title: 'Metrics against the swept values',
    data: { values },
    facet: {
      row: { field: 'metric', type: 'nominal', title: null, sort: metrics.map(header) },
      column: { field: 'path', type: 'nominal', title: null, sort: paths },
    },
    spec: {
      width: 220,
      height: 130,
      layer: [
        {
          mark: { type: 'line', point: true, strokeWidth: 1.5 },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative', title: null, scale: { zero: false } },
            color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 400 } },
          },
        },
        {
          mark: { type: 'rule' },
          encoding: {
            x,
            y: { field: 'low', type: 'quantitative' },
            y2: { field: 'high' },
            color: { field: 'series', type: 'nominal', title: null },
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent', x: 'independent' } },
  };
}
