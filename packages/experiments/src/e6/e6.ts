import { iterationLines } from '@ipmgan/report';
import { E6ConfigSchema } from './E6ConfigSchema.js';
import { e6Claims, gradientRatio } from './e6Claims.js';
import { E6_PENALTY_OBJECTIVE, measureE6 } from './measureE6.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';
import { defineExperiment } from '../defineExperiment.js';

const RAW_ESTIMATE = 'log10 |estimate (W1 * K)|';

const e = (x: number): string => x.toExponential(2);
const f = (x: number): string => x.toFixed(3);

/**
 * E6, weight clipping's trade-off: WGAN at each c and WGAN-GP beside it when installed
 * (measureE6); checks the claims (e6Claims)
 * and writes `outDir`/report.md, report.html, figures and results.json.
 */
export const e6 = defineExperiment({
  key: 'e6',
  what: 'clipping',
  variants: [
    {
      name: 'e6-clipping',
      description:
        "WGAN paper Section 3, weight clipping's trade-off: WGAN at c in {0.001, 0.01, 0.1}, and WGAN-GP beside it when installed: the critic's per-layer gradient norms, its estimate (raw and over K) and final exact W1.",
      quick: true,
    },
  ],
  configSchema: E6ConfigSchema,
  measure: (config, { options }) => measureE6(config, options),
  judge: e6Claims,
  report: (results, { config, seconds }) => {
    const { penalty } = results;
    // Every run in tables and figures: the clipped ones, then WGAN-GP.
    const all = penalty ? [...results.runs, penalty] : results.runs;
    const layers = all.flatMap((r) =>
      (r.points.at(-1)?.layerGradients ?? []).map((g, i) => ({ run: r.label, layer: i + 1, norm: g })),
    );
    const curves = all.flatMap((r) =>
      r.points.flatMap((p) => [
        { run: r.label, iteration: p.iteration, quantity: 'exact W1', value: p.w1 },
        { run: r.label, iteration: p.iteration, quantity: 'estimate / K', value: p.estimateOverK },
        // A faceted chart shares one y scale type, so the raw estimate is drawn as its log10; an estimate of
        // exactly 0 (the critic at c = 0.001) has none and is left out of that panel.
        ...(p.estimate === 0
          ? []
          : [
              {
                run: r.label,
                iteration: p.iteration,
                quantity: RAW_ESTIMATE,
                value: Math.log10(Math.abs(p.estimate)),
              },
            ]),
      ]),
    );
    return {
      title: "E6: weight clipping's trade-off (WGAN paper, Section 3)",
      setup: [
        `WGAN (objective wgan and its optimizer defaults) on ${config.data.name}, generator ${config.generatorNetwork.name} ${JSON.stringify(config.generatorNetwork.options)}, critic ${config.criticNetwork.name} ${JSON.stringify(config.criticNetwork.options)}, batch ${String(config.batchSize)}, ${String(config.iterations)} generator iterations through core's Trainer, the same seed for every c in {${config.clips.join(', ')}}.`,
        penalty
          ? `Beside them ${penalty.label}: WGAN-GP (objective ${E6_PENALTY_OBJECTIVE}) with its own optimizer, n_critic and penalty defaults, on the same nets, data, iterations, batch and seed, no clipping.`
          : `WGAN-GP (objective ${E6_PENALTY_OBJECTIVE}) left out: @ipmgan/gradient-penalty is not installed, so its row, series and claim are absent (not judged).`,
        `Every ${String(config.recordEvery)} iterations, on ${String(config.evaluationSamples)} fresh real and generated samples: ||dL_critic / dW_l|| per weight matrix (layer 1 = input) of the WGAN critic loss (for WGAN-GP too, without its penalty term), the critic's Lipschitz estimate K, the logged estimate and exact W1.`,
        `Seed ${String(config.seed)}, backend ${config.backend}; ${seconds.toFixed(0)} s in all.`,
      ],
      tables: [
        {
          caption: 'Last measurement, per c (and WGAN-GP)',
          header: [
            'critic constraint',
            'per-layer ||dL/dW|| (input to output)',
            'input / output',
            'estimate',
            'K',
            'estimate / K',
            'exact W1',
            'rho(estimate, W1)',
            'weights at the bound',
            'seconds',
          ],
          rows: all.map((r) => {
            const p = r.points.at(-1);
            const bound = p?.atBound ?? Number.NaN;
            return [
              r.label,
              (p?.layerGradients ?? []).map(e).join(', '),
              e(gradientRatio(r)),
              e(p?.estimate ?? Number.NaN),
              e(p?.lipschitz ?? Number.NaN),
              f(p?.estimateOverK ?? Number.NaN),
              f(p?.w1 ?? Number.NaN),
              r.rhoEstimateW1.toFixed(2),
              r.clip === null ? 'no bound' : `${(bound * 100).toFixed(1)} %`,
              r.seconds.toFixed(0),
            ];
          }),
        },
      ],
      figures: [
        {
          name: 'e6-layer-gradients',
          caption:
            "The critic loss's gradient norm per weight matrix at the last measurement, per c and with the gradient penalty (log scale; layer 1 is the input layer).",
          spec: {
            $schema: VEGA_LITE_SCHEMA,
            width: 360,
            height: 220,
            data: { values: layers },
            mark: { type: 'line', point: true },
            encoding: {
              x: { field: 'layer', type: 'ordinal', title: 'critic layer (1 = input)' },
              y: { field: 'norm', type: 'quantitative', title: '||dL/dW||', scale: { type: 'log' } },
              color: { field: 'run', type: 'nominal', title: null, sort: null },
            },
          },
        },
        {
          name: 'e6-training',
          caption:
            "Over training: exact W1 of fresh samples, estimate / K and log10 of the raw estimate's magnitude (absent where the estimate is exactly 0), per c and with the gradient penalty.",
          spec: {
            $schema: VEGA_LITE_SCHEMA,
            data: { values: curves },
            facet: {
              column: {
                field: 'quantity',
                type: 'nominal',
                title: null,
                sort: ['exact W1', 'estimate / K', RAW_ESTIMATE],
              },
            },
            spec: iterationLines({
              width: 200,
              height: 160,
              mark: { strokeWidth: 1.5 },
              yTitle: null,
              encoding: { color: { field: 'run', type: 'nominal', title: null, sort: null } },
            }),
            resolve: { scale: { y: 'independent' } },
          },
        },
      ],
    };
  },
});
