import { E10ConfigSchema } from './E10ConfigSchema.js';
import { e10Claims } from './e10Claims.js';
import { e10Figure } from './e10Figure.js';
import { measureE10 } from './measureE10.js';
import { defineExperiment } from '../defineExperiment.js';

const e = (x: number): string => x.toExponential(3);
const f = (x: number): string => x.toFixed(4);

/**
 * E10, Appendix G.1: GAN discriminators with weight clipping at several c against WGAN's
 * critic between two 1-D Gaussians (measureE10); checks the claims (e10Claims) and writes
 * `outDir`/report.md, report.html, figures and results.json.
 */
export const e10 = defineExperiment({
  key: 'e10',
  what: 'clipped GAN',
  variants: [
    {
      name: 'e10-clipped-gan',
      description:
        "WGAN paper Appendix G.1: a GAN discriminator with weight clipping at small to large c against WGAN's critic between two 1-D Gaussians: saturation and the gradient at the generated samples.",
      quick: true,
    },
  ],
  configSchema: E10ConfigSchema,
  measure: (config, { options }) => measureE10(config, options),
  judge: e10Claims,
  report: (results, { config, seconds }) => {
    const c = results.critic;
    return {
      title: 'E10: weight clipping in a standard GAN (WGAN paper, Appendix G.1)',
      setup: [
        `Real N(${String(config.real.mean)}, ${String(config.real.std)}^2); generated N(${String(config.generated.mean)}, ${String(config.generated.std)}^2) from the frozen generator "gaussian-shift" (the 1-D setting of Figure 3, to which G.1 refers).`,
        `A GAN discriminator (objective gan, sigmoid cross-entropy) with every weight clipped to [-c, c], c in {${config.clips.join(', ')}}, and WGAN's critic (objective wgan, its own clipping), all the same network (${config.criticNetwork.name} ${JSON.stringify(config.criticNetwork.options)}), each trained ${String(config.criticSteps)} steps (batch ${String(config.batchSize)}) with the generator frozen; measured at ${String(config.evaluationSamples)} generated samples. Saturation is D (1 - D) / (1/4) at the generated samples: 1 when the sigmoid is linear there, 0 when saturated.`,
        `Seed ${String(config.seed)}, backend ${config.backend}; ${seconds.toFixed(0)} s in all.`,
      ],
      tables: [
        {
          caption: 'At the generated samples, per discriminator',
          header: [
            'network',
            'mean D (generated)',
            'mean D (real)',
            'D(1-D)/(1/4)',
            'mean |dD/dx|',
            'd/dmu -E log D',
            'd/dmu E log(1-D)',
            'K',
            'R^2 between means',
            'corr. with critic',
          ],
          rows: [
            ...results.discriminators.map((d) => [
              `GAN, clip ${String(d.clip)}`,
              e(d.meanDFake),
              e(d.meanDReal),
              e(d.sigmoidSlopeFraction),
              e(d.meanAbsDDx),
              e(d.gradientNonSaturating),
              e(d.gradientMinimax),
              e(d.lipschitz),
              f(d.logitR2),
              f(d.correlationWithCritic),
            ]),
            [
              'WGAN critic',
              '-',
              '-',
              '-',
              `|f'| ${f(c.slopeOverK)} K`,
              `-f: ${e(c.gradient)}`,
              '-',
              e(c.lipschitz),
              f(c.r2),
              '1',
            ],
          ],
        },
      ],
      figures: [
        {
          name: 'e10-clipped-gan',
          caption: "Densities (peak 1), each clipped discriminator's D(x) and WGAN's critic f(x) rescaled to [0, 1].",
          spec: e10Figure(config, results),
        },
      ],
    };
  },
});
