import { E1ConfigSchema } from './E1ConfigSchema.js';
import { e1Claims } from './e1Claims.js';
import { e1DistanceFigure, e1TrainingFigure } from './e1Figures.js';
import type { ReportTable } from '../ExperimentReport.js';
import { measureE1, type E1Results } from './measureE1.js';
import { defineExperiment } from '../defineExperiment.js';

const f = (x: number | null, digits = 4): string =>
  x === null ? '-' : Number.isFinite(x) ? x.toFixed(digits) : String(x);

function tables(results: E1Results): ReportTable[] {
  const thetas = [...new Set(results.objectives.flatMap((o) => o.estimates.map((e) => e.theta)))].sort((a, b) => a - b);
  const estimateRows = thetas.map((theta) => [
    f(theta, 3),
    f(Math.abs(theta)),
    ...results.objectives.flatMap((o) => {
      const e = o.estimates.find((x) => x.theta === theta);
      if (!e) return ['-'];
      return o.objective === 'wgan'
        ? [`${e.estimate.toExponential(3)} (/K ${f(e.estimate / (e.lipschitz ?? 1))})`]
        : [f(e.estimate)];
    }),
  ]);
  return [
    {
      caption:
        'Part (a): each estimate after training the critic at a frozen theta (WGAN: W*K, and it divided by the Lipschitz estimate K; GAN: JS lower bound; EBGAN: TV in [0, 2]; MMD: unbiased MMD^2)',
      header: ['theta', 'W = |theta|', ...results.objectives.map((o) => o.label)],
      rows: estimateRows,
    },
    {
      caption: 'Part (b): training g_theta from theta0 through the Trainer',
      header: ['objective', 'theta0', 'dL_G/dtheta at theta0', 'theta after N', 'N', 'seconds'],
      rows: results.objectives.map((o) => [
        o.label,
        f(o.training.theta0, 3),
        o.training.initialGradient.toExponential(3),
        f(o.training.thetaFinal),
        String(o.training.iterations),
        f(o.training.seconds, 1),
      ]),
    },
  ];
}

/**
 * E1, the WGAN paper's Example 1 (parallel lines, Figure 1): measures it (measureE1),
 * checks the paper's claims (e1Claims) and writes `outDir`/report.md, report.html,
 * figures/*.png (and their vega-lite specs) and results.json.
 */
export const e1 = defineExperiment({
  key: 'e1',
  what: 'parallel lines',
  variants: [
    {
      name: 'e1-parallel-lines',
      description:
        "WGAN paper Example 1 / Figure 1: W, JS, TV, KL against theta beside each objective's critic estimate; training g_theta(z) = (theta, z) from theta = 1.",
    },
  ],
  configSchema: E1ConfigSchema,
  measure: (config, { options }) => measureE1(config, options),
  judge: e1Claims,
  report: (results, { config, seconds }) => ({
    title: 'E1: learning parallel lines (WGAN paper, Example 1 and Figure 1)',
    setup: [
      'P_0 = (0, Z) and g_theta(z) = (theta, z) with Z ~ U[0, 1]. The generator is the network extension "parallel-line" of @ipmgan/experiments: one trainable variable theta, fed core\'s uniform noise of dimension 1 (U[-1, 1], mapped to U[0, 1]).',
      `(a) For each objective and each theta in the grid, a fresh critic (${config.criticNetwork.name} ${JSON.stringify(config.criticNetwork.options)}) is trained for ${String(config.distances.criticSteps)} steps (batch ${String(config.distances.batchSize)}) with the generator frozen, with the objective's own critic loss, optimizer and constraints (WGAN: weight clipping); the estimate is then taken on ${String(config.distances.evaluationSamples)} fresh samples. K is the largest critic gradient norm over real, generated and interpolated points.`,
      `(b) g_theta is trained from theta0 = ${String(config.training.theta0)} for ${String(config.training.iterations)} generator iterations through core's Trainer, after ${String(config.training.pretrainCriticSteps)} critic steps at theta0 (the paper's question is what an optimal critic's gradient does).`,
      `Seed ${String(config.seed)}, backend ${config.backend}; ${seconds.toFixed(0)} s in all.`,
    ],
    tables: tables(results),
    figures: [
      {
        name: 'e1-distances',
        caption: 'Distances against theta: closed forms (lines) and critic estimates (points).',
        spec: e1DistanceFigure(results),
      },
      { name: 'e1-training', caption: 'theta during training, per objective.', spec: e1TrainingFigure(results) },
    ],
  }),
});
