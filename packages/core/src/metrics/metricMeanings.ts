/**
 * What the evaluator's newer metrics mean, for reports and `ipmgan eval` to print beside them
 * (the report's own columns describe w1, slicedW1, mmd2 and the mode metrics).
 */
export const metricMeanings: Readonly<Record<string, string>> = {
  precision: 'share of generated samples inside a real sample’s 5-NN ball (Kynkäänniemi et al. 2019), in data space',
  recall: 'share of real samples inside a generated sample’s 5-NN ball (Kynkäänniemi et al. 2019), in data space',
  density:
    'real 5-NN balls holding each generated sample, over 5 (Naeem et al. 2020; about 1 when equal), in data space',
  coverage: 'share of real samples whose 5-NN ball holds a generated sample (Naeem et al. 2020), in data space',
  digitFrechet:
    'Fréchet distance in the features of ipmgan’s small MNIST classifier: NOT comparable with Inception FID',
  digitKid:
    'unbiased kernel distance (cubic kernel) in the same classifier features: NOT comparable with Inception KID',
  digitClasses: 'digit classes holding 1 % or more of the generated samples, by the same classifier (of 10)',
  digitClassKl:
    'KL(generated class histogram ‖ uniform) by the same classifier, nats (0 when even, log 10 in one class)',
};
