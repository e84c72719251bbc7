import { ConfigError } from '@ipmgan/core';
import { spearman } from '@ipmgan/core/engine';
import { formatMeanSe, meanAndStandardError, type ComparisonReport, type RunData } from '@ipmgan/report';
import type { ComparisonAnalysis } from '../comparisonExperiment.js';
import { e7Claims, type E7Row } from './e7Claims.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';

const nCriticOf = (run: RunData): number => {
  const schedule = run.config.training.schedule as { nCritic?: number };
  return schedule.nCritic ?? Number.NaN;
};

/** E7: WGAN at several n_critic with one critic-step budget (a compare sweep): W1 and the estimate's rho per n_critic. */
export function e7Analysis(report: ComparisonReport, runs: readonly RunData[]): Promise<ComparisonAnalysis> {
  const values = [...new Set(runs.map(nCriticOf))].sort((a, b) => a - b);
  if (values.length < 2 || values.some((v) => !Number.isFinite(v)))
    throw new ConfigError('e7: compare.sweep: expected runs at two or more constant training.schedule.nCritic');
  const evaluated = (run: RunData) => run.metrics.filter((m) => Number.isFinite(m.evaluation?.w1));
  const rows: E7Row[] = values.map((nCritic) => {
    const group = runs.filter((r) => nCriticOf(r) === nCritic);
    const label = group[0]?.label ?? '';
    return {
      nCritic,
      generatorIterations: group[0]?.config.training.iterations ?? Number.NaN,
      firstW1: meanAndStandardError(group.map((r) => evaluated(r)[0]?.evaluation?.w1 ?? Number.NaN)),
      finalW1: meanAndStandardError(group.map((r) => evaluated(r).at(-1)?.evaluation?.w1 ?? Number.NaN)),
      rho: meanAndStandardError(
        group.map((r) =>
          spearman(
            evaluated(r).map((m) => m.estimate),
            evaluated(r).map((m) => m.evaluation?.w1 ?? Number.NaN),
          ),
        ),
      ),
      msPerIteration: report.rows.find((row) => row.label === label)?.cells.msPerIteration ?? null,
    };
  });
  const points = runs.flatMap((run) =>
    evaluated(run).map((m) => ({
      nCritic: `n_critic ${String(nCriticOf(run))}`,
      seed: run.seed,
      criticSteps: m.iteration * nCriticOf(run),
      w1: m.evaluation?.w1,
    })),
  );
  const first = runs[0];
  return Promise.resolve({
    setup: [
      `WGAN on ${first?.config.data.name ?? '?'} at n_critic in {${values.join(', ')}} with one budget of critic steps (generator iterations = budget / n_critic; an equal wall time is too noisy to set on a shared machine), the same nets, batch, optimizer, clipping and seeds; exact W1 of ${String(first?.config.evaluation.samples ?? '?')} fresh samples at 10 evaluations per run.`,
    ],
    claims: e7Claims(rows),
    tables: [
      {
        caption: 'Per n_critic, mean ± standard error over seeds',
        header: [
          'n_critic',
          'generator iterations',
          'critic steps',
          'W1 first evaluation',
          'W1 last',
          'rho(estimate, W1)',
          'ms / generator iteration',
        ],
        rows: rows.map((r) => [
          String(r.nCritic),
          String(r.generatorIterations),
          String(r.generatorIterations * r.nCritic),
          formatMeanSe(r.firstW1, 3),
          formatMeanSe(r.finalW1, 3),
          formatMeanSe(r.rho, 2),
          formatMeanSe(r.msPerIteration, 1),
        ]),
      },
    ],
    figures: [
      {
        name: 'e7-w1-by-critic-steps',
        caption: 'Exact W1 against critic steps taken (generator iteration x n_critic), one line per seed.',
        spec: {
          $schema: VEGA_LITE_SCHEMA,
          width: 420,
          height: 240,
          data: { values: points },
          mark: { type: 'line', point: true, strokeWidth: 1.2 },
          encoding: {
            x: { field: 'criticSteps', type: 'quantitative', title: 'critic steps' },
            y: { field: 'w1', type: 'quantitative', title: 'exact W1', scale: { zero: false } },
            color: { field: 'nCritic', type: 'nominal', title: null, sort: values.map((v) => `n_critic ${String(v)}`) },
            detail: { field: 'seed', type: 'nominal' },
          },
        },
      },
    ],
    results: { rows },
  });
}
