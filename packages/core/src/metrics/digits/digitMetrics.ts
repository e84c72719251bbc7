import { kernelDistance } from '../kernelDistance.js';
import { classCoverage } from './classCoverage.js';
import { featureMoments, frechetDistance } from './frechetDistance.js';
import { ShippedDigitClassifier } from './ShippedDigitClassifier.js';

/** A class counts as covered when it holds at least 1% of the samples, as in E5. */
const COVERAGE_SHARE = 0.01;
const CLASSES = 10;

/** True for data the shipped digit classifier reads: 28 x 28 single-channel images. */
export function isDigitShaped(shape: readonly number[]): boolean {
  return shape.length === 3 && shape[0] === 28 && shape[1] === 28 && shape[2] === 1;
}

/**
 * Generated against real digits ([n, 784] each, values in [0, 1]) in the features of the
 * digit classifier that ships with core (ShippedDigitClassifier): digitFrechet, the Frechet
 * distance of the feature Gaussians (the FID's formula); digitKid, the unbiased kernel distance
 * (kernelDistance); digitClasses, the classes holding 1% or more of the generated digits (of
 * 10); digitClassKl, KL(class histogram || uniform) in nats. These are measured with a small
 * MNIST classifier, not Inception-v3: they rank runs of this tool, and are not comparable with
 * published FID or KID values.
 */
export function digitMetrics(generated: Float32Array, real: Float32Array): Record<string, number> {
  const { classifier } = ShippedDigitClassifier.load();
  const d = classifier.featureSize;
  const fake = classifier.features(generated); // [n, d]
  const actual = classifier.features(real); // [m, d]
  const coverage = classCoverage(classifier.classify(generated), CLASSES, COVERAGE_SHARE);
  return {
    digitFrechet: frechetDistance(featureMoments(fake, d), featureMoments(actual, d)),
    digitKid: kernelDistance(
      { n: fake.length / d, dim: d, data: fake },
      { n: actual.length / d, dim: d, data: actual },
    ),
    digitClasses: coverage.covered,
    digitClassKl: coverage.klToUniform,
  };
}
