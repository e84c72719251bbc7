import { E8ConfigSchema } from './E8ConfigSchema.js';
import { e8Claims } from './e8Claims.js';
import { measureE8 } from './measureE8.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';
import { defineExperiment } from '../defineExperiment.js';

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : 'n/a');

/**
 * E8, momentum in the critic: measureE8, the claims (e8Claims), and `outDir`/report.md,
 * report.html, figures and results.json.
 */
export const e8 = defineExperiment({
  key: 'e8',
  what: 'momentum',
  variants: [
    {
      name: 'e8-momentum',
      description:
        "WGAN paper Section 3, momentum in the critic: RMSProp against Adam (beta1 0.5, 0.9) at one learning rate; estimate blow-ups counted, every critic step's cosine between the optimizer's step and the gradient.",
    },
  ],
  configSchema: E8ConfigSchema,
  measure: (config, { options }) => measureE8(config, options),
  judge: e8Claims,
  report: (results, { config, seconds }) => {
    // The cosines averaged per generator iteration keep the figure small.
    const curves = results.runs.flatMap((r) => {
      const byIteration = new Map<number, number[]>();
      for (const c of r.cosines) byIteration.set(c.iteration, [...(byIteration.get(c.iteration) ?? []), c.cosine]);
      return [
        ...r.estimates.map((value, i) => ({ run: r.label, iteration: i + 1, quantity: 'estimate (W1 * K)', value })),
        ...[...byIteration.entries()].map(([iteration, v]) => ({
          run: r.label,
          iteration,
          quantity: 'min cos(step, -gradient) of the iteration',
          value: Math.min(...v),
        })),
        ...r.w1.map((p) => ({ run: r.label, iteration: p.iteration, quantity: 'exact W1', value: p.w1 })),
      ];
    });
    const events = results.runs.flatMap((r) => r.blowUps.map((iteration) => ({ run: r.label, iteration })));
    const quantities = ['estimate (W1 * K)', 'min cos(step, -gradient) of the iteration', 'exact W1'];
    return {
      title: 'E8: momentum in the critic (WGAN paper, Section 3)',
      setup: [
        `WGAN on ${config.data.name} (generator ${config.generatorNetwork.name} ${JSON.stringify(config.generatorNetwork.options)}, critic ${config.criticNetwork.name} ${JSON.stringify(config.criticNetwork.options)}, batch ${String(config.batchSize)}, ${String(config.iterations)} generator iterations, WGAN's clipping, n_critic and generator optimizer) with the critic's optimizer one of ${config.variants.map((v) => `${v.label} ${JSON.stringify(v.optimizer)}`).join(', ')}, all at lr ${String(config.lr)}, through core's Trainer, same seed.`,
        `Every critic step records cos(step, -gradient), the optimizer's actual change of the weights (before clipping) against the negative gradient it was given. A blow-up: the logged estimate falls below ${String(config.blowUp.drop)} x its largest value over the previous ${String(config.blowUp.window)} iterations, after iteration ${String(config.blowUp.warmup)}; consecutive iterations are one event. "Near" a blow-up: within ${String(config.blowUp.near)} iterations.`,
        `Seed ${String(config.seed)}, backend ${config.backend}; ${seconds.toFixed(0)} s in all.`,
      ],
      tables: [
        {
          caption: 'Per critic optimizer',
          header: [
            'critic optimizer',
            'blow-ups',
            'at iterations',
            'negative cosines',
            'near blow-ups',
            'elsewhere',
            'final W1',
            'seconds',
          ],
          rows: results.runs.map((r) => [
            r.label,
            String(r.blowUps.length),
            r.blowUps.slice(0, 12).join(', ') + (r.blowUps.length > 12 ? ', ...' : ''),
            pct(r.negativeShare),
            pct(r.negativeShareNear),
            pct(r.negativeShareElsewhere),
            (r.w1.at(-1)?.w1 ?? Number.NaN).toFixed(3),
            r.seconds.toFixed(0),
          ]),
        },
      ],
      figures: [
        {
          name: 'e8-momentum',
          caption:
            "Per critic optimizer (columns): the estimate, the iteration's smallest cosine between the optimizer's step and the negative gradient, and exact W1 (blow-up iterations are in the table).",
          spec: {
            $schema: VEGA_LITE_SCHEMA,
            data: { values: curves },
            facet: {
              row: { field: 'quantity', type: 'nominal', title: null, sort: quantities },
              column: { field: 'run', type: 'nominal', title: null, sort: config.variants.map((v) => v.label) },
            },
            spec: {
              width: 200,
              height: 120,
              layer: [
                {
                  mark: { type: 'line', strokeWidth: 1 },
                  encoding: {
                    x: { field: 'iteration', type: 'quantitative', title: 'generator iteration' },
                    y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
                  },
                },
              ],
            },
            resolve: { scale: { y: 'independent' } },
          },
        },
      ],
      extraResults: { events },
    };
  },
});
