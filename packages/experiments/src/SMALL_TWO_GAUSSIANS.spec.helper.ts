/**
 * The setting the E2 and E10 specs share: two Gaussians 8 std apart, a 3x32 MLP critic, WGAN's
 * critic on RMSProp at 5e-3, a 41-point grid. Each spec adds its discriminator and budget.
 */
export const SMALL_TWO_GAUSSIANS = {
  seed: 1,
  real: { mean: 2, std: 0.5 },
  generated: { mean: -2, std: 0.5 },
  criticNetwork: { name: 'mlp', options: { hidden: [32, 32, 32] } },
  critic: { name: 'wgan', optimizers: { critic: { name: 'rmsprop', lr: 5e-3 } } },
  grid: { from: -5, to: 5, points: 41 },
};
