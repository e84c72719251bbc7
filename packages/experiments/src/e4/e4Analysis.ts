import type { ComparisonReport, RunData } from '@ipmgan/report';
import type { ComparisonAnalysis } from '../comparisonExperiment.js';
import { e4Claims } from './e4Claims.js';
import { e4Correlations } from './e4Correlations.js';
import { formatMeanSe, iterationLines } from '@ipmgan/report';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';

/** E4: each objective's logged estimate beside the exact W1 of fresh samples, and their rank correlation. */
export function e4Analysis(_report: ComparisonReport, runs: readonly RunData[]): Promise<ComparisonAnalysis> {
  const correlations = e4Correlations(runs);
  const points = runs.flatMap((run) =>
    run.metrics
      .filter((m) => m.evaluation?.w1 !== undefined)
      .flatMap((m) => [
        { objective: run.label, seed: run.seed, iteration: m.iteration, quantity: `own estimate`, value: m.estimate },
        { objective: run.label, seed: run.seed, iteration: m.iteration, quantity: 'exact W1', value: m.evaluation?.w1 },
      ]),
  );
  const first = runs[0];
  return Promise.resolve({
    setup: [
      `Every ${String(first?.config.run.evaluateEvery ?? '?')} iterations the exact W1 between ${String(first?.config.evaluation.samples ?? '?')} fresh generated and real samples is measured beside the objective's logged estimate (WGAN: W1*K; GAN: JS lower bound; EBGAN: TV; MMD: MMD^2). ` +
        "rho is Spearman's rank correlation of the two series over one run's evaluations: +1 when the estimate falls exactly when the samples get closer in W1.",
    ],
    claims: e4Claims(correlations),
    tables: [
      {
        caption: 'Spearman rho with exact W1 over each run, mean ± standard error over seeds',
        header: ['objective', 'estimate', 'rho(estimate, W1)', 'rho(generator loss, W1)', 'per seed rho(estimate, W1)'],
        rows: correlations.map((c) => [
          c.label,
          c.estimateName,
          formatMeanSe(c.estimate, 3),
          formatMeanSe(c.generatorLoss, 3),
          c.perRun.map((r) => `${String(r.seed)}: ${r.estimate.toFixed(2)}`).join(', '),
        ]),
      },
    ],
    figures: [
      {
        name: 'estimate-vs-w1',
        caption:
          "Top: each objective's own estimate; bottom: exact W1 of fresh samples, at the same iterations (one line per seed; each panel has its own y axis).",
        spec: {
          $schema: VEGA_LITE_SCHEMA,
          data: { values: points },
          facet: {
            row: { field: 'quantity', type: 'nominal', title: null, sort: ['own estimate', 'exact W1'] },
            column: { field: 'objective', type: 'nominal', title: null, sort: null },
          },
          spec: iterationLines({
            width: 180,
            height: 140,
            mark: { strokeWidth: 1.2 },
            yTitle: null,
            encoding: { color: { field: 'seed', type: 'nominal' } },
          }),
          resolve: { scale: { y: 'independent' } },
        },
      },
    ],
    results: { correlations },
  });
}
