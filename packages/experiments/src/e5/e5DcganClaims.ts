import type { Claim } from '../Claim.js';
import { e5Rules } from './e5Rules.js';
import type { E5Results } from './measureE5.js';

/**
 * The paper's claims for the DCGAN generator with batch norm and a DCGAN critic (Figure 4 upper right,
 * Figure 5 upper right, Figure 6; LSUN bedrooms in the paper, the shipped digits here), judged on the runs
 * labelled wgan and gan: both objectives give good samples, and only WGAN's estimate tracks their quality.
 */
export function e5DcganClaims(results: E5Results): Claim[] {
  return [
    e5Rules.estimateTracksQuality(
      {
        id: 'wgan-meaningful-loss-dcgan',
        paper:
          'Section 4.3, Figure 4 (upper right, a DCGAN generator and critic): "The loss decreases quickly and sample quality increases as well."',
      },
      results,
      'wgan',
    ),
    e5Rules.estimateIgnoresQuality(
      {
        id: 'gan-js-not-meaningful-dcgan',
        paper:
          'Figure 5 (upper right, a DCGAN generator): "Samples get better for the DCGAN but the JS estimate increases or stays constant".',
      },
      results,
      'gan',
    ),
    e5Rules.goodSamples(
      {
        id: 'wgan-dcgan-good-samples',
        paper: 'Figure 6 (left, WGAN with a DCGAN generator): "Both algorithms produce high quality samples."',
      },
      results,
      'wgan',
    ),
    e5Rules.goodSamples(
      {
        id: 'gan-dcgan-good-samples',
        paper:
          'Figure 6 (right, the standard GAN with a DCGAN generator): "Both algorithms produce high quality samples."',
      },
      results,
      'gan',
    ),
  ];
}
