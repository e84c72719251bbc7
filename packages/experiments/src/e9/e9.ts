import { E9ConfigSchema } from './E9ConfigSchema.js';
import { e9Claims } from './e9Claims.js';
import { measureE9 } from './measureE9.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';
import { defineExperiment } from '../defineExperiment.js';

const e = (x: number): string => x.toExponential(3);
const f = (x: number): string => x.toFixed(3);

/**
 * E9, one critic to rank generators: generators taken from each training at each checkpoint,
 * each judged by a fresh critic of one architecture and c (measureE9); checks the claims
 * (e9Claims) and writes `outDir`/report.md, report.html, figures and results.json.
 */
export const e9 = defineExperiment({
  key: 'e9',
  what: 'one critic to rank generators',
  variants: [
    {
      name: 'e9-rank-generators',
      description:
        "The read-through's open question, one critic to rank generators: WGAN and GAN generators at six budgets on the ring, each judged by a fresh critic of one architecture and c = 0.01; Spearman of its estimate (raw and over K) against exact W1 across generators.",
    },
  ],
  configSchema: E9ConfigSchema,
  measure: (config, { options }) => measureE9(config, options),
  judge: e9Claims,
  report: (results, { config, seconds }) => {
    const points = results.generators.flatMap((g) => [
      { training: g.training, iteration: g.iteration, w1: g.w1, quantity: 'estimate (W1 * K)', value: g.estimate },
      { training: g.training, iteration: g.iteration, w1: g.w1, quantity: 'estimate / K', value: g.estimateOverK },
    ]);
    const trainings = config.trainings.map((t) => `${t.label ?? t.name} (objective ${t.name})`).join(', ');
    return {
      title: 'E9: one critic to rank generators (the read-through, open questions)',
      setup: [
        `Generators: ${trainings} on ${config.data.name}, generator ${config.generatorNetwork.name} ${JSON.stringify(config.generatorNetwork.options)}, critic ${config.criticNetwork.name} ${JSON.stringify(config.criticNetwork.options)}, batch ${String(config.batchSize)}, ${String(config.iterations)} generator iterations through core's Trainer; the generator copied at iterations ${config.checkpoints.join(', ')}.`,
        `Per generator a fresh critic (objective ${config.critic.name}, optimizer ${JSON.stringify(config.critic.optimizers.critic ?? 'the objective default')}, constraints ${config.critic.critic.constraints ? JSON.stringify(config.critic.critic.constraints) : "the objective's default weight clipping"}; the same network, clipping and seed for all) trained ${String(config.criticSteps)} steps with the generator frozen; on ${String(config.evaluationSamples)} fresh real and generated samples its estimate, its Lipschitz estimate K and exact W1 of the same samples. Spearman across the ${String(results.generators.length)} generators.`,
        `Seed ${String(config.seed)}, backend ${config.backend}; generators ${results.trainingSeconds.toFixed(0)} s, fresh critics ${results.criticSeconds.toFixed(0)} s, ${seconds.toFixed(0)} s in all.`,
      ],
      tables: [
        {
          caption: 'Per generator',
          header: ['training', 'iteration', 'exact W1', 'estimate', 'K', 'estimate / K', 'final critic loss'],
          rows: results.generators.map((g) => [
            g.training,
            String(g.iteration),
            f(g.w1),
            e(g.estimate),
            e(g.lipschitz),
            f(g.estimateOverK),
            e(g.finalCriticLoss),
          ]),
        },
      ],
      figures: [
        {
          name: 'e9-rank-generators',
          caption:
            "Each generator's fresh-critic estimate (raw, and divided by the critic's K) against its exact W1; a ranking ruler puts the points on an increasing curve.",
          spec: {
            $schema: VEGA_LITE_SCHEMA,
            data: { values: points },
            facet: {
              column: {
                field: 'quantity',
                type: 'nominal',
                title: null,
                sort: ['estimate (W1 * K)', 'estimate / K'],
              },
            },
            spec: {
              width: 240,
              height: 200,
              mark: { type: 'point', filled: true, size: 60 },
              encoding: {
                x: { field: 'w1', type: 'quantitative', title: 'exact W1', scale: { zero: false } },
                y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
                color: { field: 'training', type: 'nominal', title: null },
                tooltip: [{ field: 'training' }, { field: 'iteration' }, { field: 'w1' }, { field: 'value' }],
              },
            },
            resolve: { scale: { y: 'independent' } },
          },
        },
      ],
    };
  },
});
