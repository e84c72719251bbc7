import { ConfigError } from '@ipmgan/core';
import { mixtureModesOf, type ComparisonReport, type RunData } from '@ipmgan/report';
import type { ComparisonAnalysis } from './runComparisonExperiment.js';
import { e3Claims } from './e3Claims.js';
import { formatMeanSe } from './formatMeanSe.js';

/** E3 on one mixture: the mode metrics of every objective, their claims and a modes-covered chart. */
export async function e3Analysis(report: ComparisonReport, runs: readonly RunData[]): Promise<ComparisonAnalysis> {
  const first = runs[0];
  if (!first) throw new ConfigError('e3: the comparison produced no run');
  const modes = await mixtureModesOf(first.config, first.directory);
  if (!modes)
    throw new ConfigError(`e3: data.name: expected a Gaussian mixture (ring8, grid25), got ${first.config.data.name}`);
  const modeCount = modes.centres.length;
  const dataName = first.config.data.name;
  const rows = report.rows;
  return {
    setup: [
      `${dataName} (${String(modeCount)} modes): every objective trains the same generator and critic networks with the same batch, iterations and seeds; each keeps its own optimizer defaults. ` +
        `Mode metrics over ${String(first.config.evaluation.samples)} fresh samples at the last evaluation: high quality = within 3 std of the nearest centre; a mode is covered when at least one high-quality sample is nearest to it; reverse KL of the high-quality samples' mode histogram against uniform (log ${String(modeCount)} = ${Math.log(modeCount).toFixed(3)} when none is high quality).`,
    ],
    claims: e3Claims(rows, modeCount, dataName),
    tables: [
      {
        caption: `Last evaluation, mean ± standard error over seeds (${dataName}, ${String(modeCount)} modes)`,
        header: ['objective', 'seeds', 'modes covered', 'high quality %', 'reverse KL', 'exact W1', 'ms / iteration'],
        rows: rows.map((r) => [
          r.label,
          String(r.seeds.length),
          formatMeanSe(r.cells.modesCovered, 2),
          formatMeanSe(r.cells.highQuality, 1),
          formatMeanSe(r.cells.reverseKl),
          formatMeanSe(r.cells.w1),
          formatMeanSe(r.cells.msPerIteration, 1),
        ]),
      },
    ],
    figures: [
      {
        name: 'modes-covered',
        caption: `Modes covered at the last evaluation (mean and ± 1 standard error over seeds); the rule marks all ${String(modeCount)} modes.`,
        spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
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
    results: { data: dataName, modeCount, rows },
  };
}
