import { iterationLines } from '@ipmgan/report';
import type { Claim } from '../Claim.js';
import { E5ConfigSchema, type E5Config } from './E5ConfigSchema.js';
import { e5Claims } from './e5Claims.js';
import { e5DcganClaims } from './e5DcganClaims.js';
import { e5NoBatchNormClaims } from './e5NoBatchNormClaims.js';
import { measureE5, type E5Results } from './measureE5.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';
import { defineExperiment } from '../defineExperiment.js';

const QUANTITIES = ['own estimate', 'critic K', 'Frechet distance', 'classes covered', 'class KL to uniform'];
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** Which of the paper's MNIST figures an E5 run reproduces: its report's title and the claims that judge it. */
export interface E5Figure {
  readonly title: string;
  readonly claims: (results: E5Results) => Claim[];
}

/** The MLP generator's figures (4 upper left, 5, 8), E5's default. */
const E5_MLP_FIGURE: E5Figure = {
  title: 'E5: MNIST with a 4x512 MLP generator (WGAN paper, Figures 4, 5 and 8)',
  claims: e5Claims,
};

/** The DCGAN generator with batch norm and the DCGAN critic (Figures 4 upper right, 5 upper right, 6). */
const E5_DCGAN_FIGURE: E5Figure = {
  title: 'E5: MNIST with the DCGAN generator and critic (WGAN paper, Figures 4, 5 and 6)',
  claims: e5DcganClaims,
};

/** The DCGAN generator without batch norm, constant filters, and the DCGAN critic (Figure 7). */
const E5_NO_BATCH_NORM_FIGURE: E5Figure = {
  title: 'E5: MNIST with a generator without batch norm and with constant filters (WGAN paper, Figure 7)',
  claims: e5NoBatchNormClaims,
};

/**
 * E5 on MNIST, the WGAN paper's Figures 4 to 8: measures every objective (measureE5), checks the
 * variant's figure's claims (e5Claims for the MLP, e5DcganClaims, e5NoBatchNormClaims for the
 * convolutional generators; the networks come from the config) and writes `outDir`/report.md,
 * report.html, figures, the sample sheets and results.json.
 */
export const e5 = defineExperiment<E5Config, E5Results, E5Figure>({
  key: 'e5',
  what: 'MNIST',
  variants: [
    {
      name: 'e5-mnist',
      note: 'MLPs',
      description:
        'WGAN paper Figures 4, 5 and 8: the 4x512 MLP generator on the shipped MNIST digits with WGAN and the GAN; a digit classifier trained first judges quality (class coverage, class KL, Frechet distance of its features) against each estimate over training, with sample sheets.',
      quick: true,
      setting: E5_MLP_FIGURE,
    },
    {
      name: 'e5-mnist-dcgan',
      description:
        "WGAN paper Figures 4, 5 (upper right) and 6: E5 with the DCGAN generator (batch norm) and the DCGAN critic, WGAN and the GAN, at the paper's widths (filters 64) and a reduced budget; both should give good digits, only WGAN's estimate should track their quality.",
      quick: true,
      setting: E5_DCGAN_FIGURE,
    },
    {
      name: 'e5-mnist-nobn',
      description:
        "WGAN paper Figure 7: E5 with a DCGAN generator without batch norm and with a constant number of filters, the DCGAN critic, WGAN and the GAN, at the paper's widths (filters 64) and a reduced budget; WGAN should still produce digits where the GAN fails to learn.",
      quick: true,
      setting: E5_NO_BATCH_NORM_FIGURE,
    },
  ],
  configSchema: E5ConfigSchema,
  measure: (config, { outDir, options }) => measureE5(config, outDir, options),
  judge: (results, figure) => figure.claims(results),
  report: (results, { config, seconds, setting: figure }) => {
    const { classifier, real } = results;
    const curves = results.runs.flatMap((r) =>
      r.points.flatMap((p) =>
        [p.estimate, p.lipschitz, p.frechet, p.covered, p.classKl].map((value, i) => ({
          objective: r.label,
          iteration: p.iteration,
          quantity: QUANTITIES[i],
          value,
        })),
      ),
    );
    return {
      title: figure.title,
      setup: [
        `The shipped MNIST digits (core's mnist source, ${JSON.stringify(config.data.options)}); generator ${config.generatorNetwork.name} ${JSON.stringify(config.generatorNetwork.options)} from ${String(config.noiseDimension)}-d Gaussian noise, critic ${config.criticNetwork.name} ${JSON.stringify(config.criticNetwork.options)}, batch ${String(config.batchSize)}, ${String(config.iterations)} generator iterations through core's Trainer per objective (${config.objectives.map((o) => o.label ?? o.name).join(', ')}), each with its own optimizer defaults, seed ${String(config.seed)}, backend ${config.backend}.`,
        `Quality is judged by a digit classifier trained here first (core's mlp: 784 -> ${config.classifier.hidden.join(' -> ')} ReLU -> ${String(config.classifier.features)} tanh features -> 10, Adam ${String(config.classifier.lr)}, ${String(config.classifier.epochs)} epochs): ${pct(classifier.trainAccuracy)} correct on its ${String(classifier.trainDigits)} training digits, ${pct(classifier.heldOutAccuracy)} on ${String(classifier.heldOutDigits)} held-out digits (${classifier.seconds.toFixed(0)} s). ` +
          `Every ${String(config.recordEvery)} iterations ${String(config.evaluationSamples)} generated digits are classified: a class is covered when it holds at least ${String(100 * config.coverageShare)} % of them; class KL = KL(class histogram || uniform) (0 when even, log 10 = ${Math.log(10).toFixed(3)} when all one class); the Frechet distance is between Gaussians fitted to the classifier's ${String(config.classifier.features)} features of the generated digits and of the held-out real digits. ` +
          `The estimate beside each measurement is the mean of the estimates logged (every ${String(config.logEvery)} iterations) since the previous one, as the paper median-filters its curves; rho is Spearman's rank correlation of the estimate and the Frechet distance over a run; K is the critic's empirical Lipschitz constant (core's lipschitzEstimate on 256 real, generated and interpolated digits), and rho(estimate / K) ranks WGAN's W1 * K with the critic's growth divided out.`,
        `Real digits for scale (${String(config.evaluationSamples)} of the classifier's training digits against the held-out ones): Frechet distance ${real.frechet.toFixed(2)}, ${String(real.covered)} classes covered, class KL ${real.classKl.toFixed(3)}. ${seconds.toFixed(0)} s in all.`,
      ],
      tables: [
        {
          caption: 'Last measurement per objective',
          header: [
            'objective',
            'estimate',
            'last estimate',
            'Frechet distance',
            'classes covered',
            'class KL',
            'largest class share',
            'rho(estimate, Frechet)',
            'K',
            'rho(estimate / K, Frechet)',
            'seconds',
          ],
          rows: results.runs.map((r) => {
            const p = r.points.at(-1);
            return [
              r.label,
              r.estimateName,
              (p?.estimate ?? Number.NaN).toPrecision(3),
              (p?.frechet ?? Number.NaN).toFixed(2),
              String(p?.covered ?? '?'),
              (p?.classKl ?? Number.NaN).toFixed(3),
              pct(p?.largestShare ?? Number.NaN),
              r.rhoEstimateFrechet.toFixed(2),
              (p?.lipschitz ?? Number.NaN).toPrecision(3),
              r.rhoEstimateOverKFrechet.toFixed(2),
              r.seconds.toFixed(0),
            ];
          }),
        },
        {
          caption: 'Sample sheets (64 samples from the same noise at each iteration)',
          header: ['objective', 'iteration', 'file'],
          rows: [
            ['real digits', '', real.sheet],
            ...results.runs.flatMap((r) => r.sheets.map((s) => [r.label, String(s.iteration), s.file])),
          ],
        },
      ],
      figures: [
        {
          name: 'e5-estimate-vs-quality',
          caption:
            "Per objective, against generator iterations: its own estimate (mean since the previous measurement), the critic's Lipschitz estimate K, the Frechet distance of the classifier's features to real digits, classes covered (of 10) and the class histogram's KL to uniform.",
          spec: {
            $schema: VEGA_LITE_SCHEMA,
            data: { values: curves },
            facet: {
              row: { field: 'quantity', type: 'nominal', title: null, sort: QUANTITIES },
              column: { field: 'objective', type: 'nominal', title: null, sort: null },
            },
            spec: iterationLines({
              width: 220,
              height: 110,
              mark: { point: true, strokeWidth: 1.5 },
              yTitle: null,
              encoding: {},
            }),
            resolve: { scale: { y: 'independent' } },
          },
        },
      ],
    };
  },
});
