/**
 * How a network draws its initial weights:
 * - 'pytorch': PyTorch's default for Linear/Conv (kaiming-uniform with a = sqrt(5), i.e.
 *   U(-1/sqrt(fanIn), 1/sqrt(fanIn)) for weights and biases); batch-norm gamma 1, beta 0.
 * - 'dcgan': the DCGAN/WGAN reference code: weights N(0, 0.02), biases 0,
 *   batch-norm gamma N(1, 0.02), beta 0.
 */
export type InitScheme = 'pytorch' | 'dcgan';
