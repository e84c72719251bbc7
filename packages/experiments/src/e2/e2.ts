import { E2ConfigSchema } from './E2ConfigSchema.js';
import { e2Claims } from './e2Claims.js';
import { e2Figure } from './e2Figure.js';
import { measureE2 } from './measureE2.js';
import { defineExperiment } from '../defineExperiment.js';

const e = (x: number): string => x.toExponential(3);

/**
 * E2, the paper's optimal discriminator and critic between two 1-D Gaussians (Figure 3):
 * measures it (measureE2), checks the claims (e2Claims) and writes `outDir`/report.md,
 * report.html, figures/*.png (and their vega-lite specs) and results.json.
 */
export const e2 = defineExperiment({
  key: 'e2',
  what: 'optimal critic',
  variants: [
    {
      name: 'e2-optimal-critic',
      description:
        'WGAN paper Figure 3: a GAN discriminator and a clipped WGAN critic trained to optimality between two 1-D Gaussians; saturation vs linearity.',
    },
  ],
  configSchema: E2ConfigSchema,
  measure: (config, { options }) => measureE2(config, options),
  judge: e2Claims,
  report: (results, { config, seconds }) => {
    const d = results.discriminator;
    const c = results.critic;
    return {
      title: 'E2: optimal discriminator and critic between two 1-D Gaussians (WGAN paper, Figure 3)',
      setup: [
        `Real N(${String(config.real.mean)}, ${String(config.real.std)}^2); generated N(${String(config.generated.mean)}, ${String(config.generated.std)}^2) from the frozen generator "gaussian-shift" (g_mu(z) = mu + std z, mu trainable so the generator's gradient is d/dmu).`,
        `A GAN discriminator (objective gan) and a WGAN critic (objective wgan, weight clipping) of the same network (${config.criticNetwork.name} ${JSON.stringify(config.criticNetwork.options)}) are each trained for ${String(config.criticSteps)} steps (batch ${String(config.batchSize)}) with the generator frozen; gradients are measured at ${String(config.evaluationSamples)} generated samples.`,
        `Seed ${String(config.seed)}, backend ${config.backend}; ${seconds.toFixed(0)} s in all.`,
      ],
      tables: [
        {
          caption: 'At the generated samples',
          header: ['quantity', 'GAN discriminator', 'WGAN critic'],
          rows: [
            ['mean output', `D = ${e(d.meanD)}`, '-'],
            [
              'mean |slope|',
              `|dD/dx| = ${e(d.meanAbsDDx)}`,
              `|f'| = ${e(c.meanAbsSlope)} (${(c.meanAbsSlope / c.lipschitz).toFixed(3)} K)`,
            ],
            [
              'generator gradient d/dmu',
              `-log D: ${e(d.gradientNonSaturating)}; log(1 - D): ${e(d.gradientMinimax)}`,
              `-f: ${e(c.gradient)} (${c.gradientOverK.toFixed(3)} K)`,
            ],
            [
              'estimate',
              `JS lower bound ${d.jsLowerBound.toFixed(4)}`,
              `W*K ${e(c.estimate)}; / K = ${c.estimateOverK.toFixed(3)} (W1 = ${results.w1.toFixed(3)})`,
            ],
            [
              'linearity between the means',
              '-',
              `R^2 ${c.fit.r2.toFixed(4)}; min/max |f'| ${c.slopeRatioOverSpan.toFixed(3)}`,
            ],
            ['training seconds', d.seconds.toFixed(1), c.seconds.toFixed(1)],
          ],
        },
      ],
      figures: [
        {
          name: 'e2-optimal-critic',
          caption: 'Densities (scaled to peak 1), the discriminator D(x) and the critic f(x) rescaled to [0, 1].',
          spec: e2Figure(config, results),
        },
      ],
    };
  },
});
