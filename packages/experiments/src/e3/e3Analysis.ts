import { ConfigError } from '@ipmgan/core';
import { formatMeanSe, mixtureModesOf, type ComparisonReport, type RunData } from '@ipmgan/report';
import type { ComparisonAnalysis } from '../comparisonExperiment.js';
import { e3Claims, massKlThreshold } from './e3Claims.js';
import { e3Curves } from './e3Curves.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';

/**
 * E3 on one mixture: the mode metrics of every objective (mass on all samples, quality on the
 * high-quality ones), their claims, a modes-covered chart and both kinds of metric against iterations.
 */
export function e3Analysis(report: ComparisonReport, runs: readonly RunData[]): ComparisonAnalysis {
  const first = runs[0];
  if (!first) throw new ConfigError('e3: the comparison produced no run');
  const modes = mixtureModesOf(first.config);
  if (!modes)
    throw new ConfigError(`e3: data.name: expected a Gaussian mixture (ring8, grid25), got ${first.config.data.name}`);
  const modeCount = modes.centres.length;
  const dataName = first.config.data.name;
  const rows = report.rows;
  const curves = e3Curves(runs);
  const quantities = [
    { key: 'massKl', title: 'mass KL (all samples)' },
    { key: 'largestShare', title: 'largest share (all samples)' },
    { key: 'highQuality', title: 'high-quality share' },
    { key: 'modesCovered', title: 'modes covered (high quality)' },
  ] as const;
  const curvePoints = curves.flatMap((p) =>
    quantities.map(({ key, title }) => ({
      objective: p.objective,
      iteration: p.iteration,
      quantity: title,
      value: p[key],
    })),
  );
  return {
    setup: [
      `${dataName} (${String(modeCount)} modes): every objective trains the same generator and critic networks with the same batch, iterations and seeds; each keeps its own optimizer defaults. ` +
        `Mode metrics over ${String(first.config.evaluation.samples)} fresh samples at the last evaluation: high quality = within 3 std of the nearest centre; a mode is covered when at least one high-quality sample is nearest to it; reverse KL of the high-quality samples' mode histogram against uniform (log ${String(modeCount)} = ${Math.log(modeCount).toFixed(3)} when none is high quality). ` +
        `Collapse is judged by mass, on all samples, each counted at its nearest mode however far it lies: mass KL = KL(histogram || uniform) (0 when spread evenly, log(${String(modeCount)}/${String(modeCount - 1)}) = ${massKlThreshold(modeCount).toFixed(3)} when one mode is dropped) and the largest share of samples nearest one mode (1/${String(modeCount)} when even); quality by the high-quality samples.`,
    ],
    claims: e3Claims(rows, curves, modeCount, dataName),
    tables: [
      {
        caption: `Last evaluation, mean ± standard error over seeds (${dataName}, ${String(modeCount)} modes)`,
        header: [
          'objective',
          'seeds',
          'mass KL',
          'largest share %',
          'modes covered',
          'high quality %',
          'reverse KL',
          'exact W1',
          'ms / iteration',
        ],
        rows: rows.map((r) => [
          r.label,
          String(r.seeds.length),
          formatMeanSe(r.cells.massKl, 3),
          formatMeanSe(r.cells.largestShare, 1),
          formatMeanSe(r.cells.modesCovered, 2),
          formatMeanSe(r.cells.highQuality, 1),
          formatMeanSe(r.cells.reverseKl, 3),
          formatMeanSe(r.cells.w1, 3),
          formatMeanSe(r.cells.msPerIteration, 1),
        ]),
      },
    ],
    figures: [
      {
        name: 'mass-and-quality',
        caption: `Against generator iterations, mean over seeds: the mass metrics of all samples (top two; the dashed rule is the no-collapse threshold ${massKlThreshold(modeCount).toFixed(3)}) and the high-quality ones (bottom two).`,
        spec: {
          $schema: VEGA_LITE_SCHEMA,
          data: { values: curvePoints },
          facet: {
            row: { field: 'quantity', type: 'nominal', title: null, sort: quantities.map((q) => q.title) },
          },
          spec: {
            width: 360,
            height: 110,
            layer: [
              {
                mark: { type: 'line', point: true, strokeWidth: 1.5 },
                encoding: {
                  x: { field: 'iteration', type: 'quantitative', title: 'generator iteration' },
                  y: { field: 'value', type: 'quantitative', title: null },
                  color: { field: 'objective', type: 'nominal', sort: null },
                },
              },
              {
                transform: [{ filter: { field: 'quantity', equal: quantities[0].title } }],
                mark: { type: 'rule', color: 'black', strokeDash: [4, 4] },
                encoding: { y: { datum: massKlThreshold(modeCount) } },
              },
            ],
          },
          resolve: { scale: { y: 'independent' } },
        },
      },
      {
        name: 'modes-covered',
        caption: `Modes covered at the last evaluation (mean and ± 1 standard error over seeds); the rule marks all ${String(modeCount)} modes.`,
        spec: {
          $schema: VEGA_LITE_SCHEMA,
          width: 320,
          height: 220,
          data: {
            values: rows.map((r) => {
              const m = r.cells.modesCovered;
              return {
                objective: r.label,
                mean: m?.mean ?? 0,
                low: (m?.mean ?? 0) - (m?.se ?? 0),
                high: (m?.mean ?? 0) + (m?.se ?? 0),
              };
            }),
          },
          layer: [
            {
              mark: 'bar',
              encoding: {
                x: { field: 'objective', type: 'nominal', sort: null },
                y: { field: 'mean', type: 'quantitative', title: 'modes covered', scale: { domain: [0, modeCount] } },
              },
            },
            {
              mark: { type: 'rule', color: 'black' },
              encoding: {
                x: { field: 'objective', type: 'nominal', sort: null },
                y: { field: 'low', type: 'quantitative' },
                y2: { field: 'high' },
              },
            },
            { mark: { type: 'rule', color: 'red', strokeDash: [4, 4] }, encoding: { y: { datum: modeCount } } },
          ],
        },
      },
    ],
    results: { data: dataName, modeCount, rows, curves },
  };
}
