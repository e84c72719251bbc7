/** The generator's latent distribution p(z). */
export interface NoisePrior {
  readonly distribution: 'gaussian' | 'uniform';
  readonly dimension: number;
}
