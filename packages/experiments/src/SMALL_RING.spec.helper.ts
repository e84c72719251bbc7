/**
 * The setting the trained-run experiment specs (E6, E8) share: ring8, 2x16 MLPs, batch 32,
 * 64 evaluation samples. Each spec adds what it varies and its budget.
 */
export const SMALL_RING = {
  seed: 1,
  generatorNetwork: { name: 'mlp', options: { hidden: [16, 16] } },
  criticNetwork: { name: 'mlp', options: { hidden: [16, 16] } },
  batchSize: 32,
  evaluationSamples: 64,
};
