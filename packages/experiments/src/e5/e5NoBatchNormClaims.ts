import type { Claim } from '../Claim.js';
import { e5Rules } from './e5Rules.js';
import type { E5Results } from './measureE5.js';

/**
 * The paper's claims for the DCGAN generator without batch norm and with a constant number of filters,
 * against a DCGAN critic (Figure 7; LSUN bedrooms in the paper, the shipped digits here), judged on the runs
 * labelled wgan and gan: WGAN still produces samples, the standard GAN fails to learn.
 */
export function e5NoBatchNormClaims(results: E5Results): Claim[] {
  const figure7 =
    'Figure 7 (a generator without batch normalization and with a constant number of filters): "the standard GAN failed to learn while the WGAN still was able to produce samples."';
  return [
    e5Rules.coversDigits({ id: 'wgan-nobn-produces-samples', paper: `${figure7} (left, WGAN)` }, results, 'wgan'),
    e5Rules.failsToLearn({ id: 'gan-nobn-fails-to-learn', paper: `${figure7} (right, the GAN)` }, results, 'gan'),
    e5Rules.wganBetterThanGan({ id: 'wgan-nobn-better-than-gan', paper: figure7 }, results),
  ];
}
