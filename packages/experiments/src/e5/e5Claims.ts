import type { Claim } from '../Claim.js';
import { e5Rules } from './e5Rules.js';
import type { E5Results } from './measureE5.js';

/**
 * The paper's MNIST-MLP claims (Figure 4 upper left and lower half, Figure 5, Figure 8), judged on
 * the runs labelled wgan and gan; each compares last measurements or whole-run correlations.
 */
export function e5Claims(results: E5Results): Claim[] {
  return [
    e5Rules.estimateTracksQuality(
      {
        id: 'wgan-meaningful-loss-mnist',
        paper:
          'Section 4.3, Figure 4 (upper left, an MLP generator): "a clear correlation between lower error and better sample quality".',
      },
      results,
      'wgan',
    ),
    e5Rules.estimateIgnoresQuality(
      {
        id: 'gan-js-not-meaningful-mnist',
        paper:
          "Section 4.3, Figure 5: the GAN discriminator's JS estimate shows no significant correlation with sample quality.",
      },
      results,
      'gan',
    ),
    e5Rules.coversDigits(
      {
        id: 'wgan-mlp-covers-digits',
        paper: 'Figure 8 (left): with a 4x512 MLP generator "the WGAN method still was able to produce samples".',
      },
      results,
      'wgan',
    ),
    e5Rules.ganCollapsesMore(
      {
        id: 'gan-mlp-collapses-more',
        paper: 'Figure 8 (right): "Note the significant degree of mode collapse in the GAN MLP."',
      },
      results,
    ),
    e5Rules.wganBetterThanGan(
      {
        id: 'wgan-mlp-better-than-gan-mlp',
        paper: 'Figure 8: WGAN\'s MLP samples are "of higher quality than the MLP of the standard GAN".',
      },
      results,
    ),
  ];
}
