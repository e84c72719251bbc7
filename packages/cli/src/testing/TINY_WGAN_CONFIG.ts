/**
 * The bad-input suites' good config: WGAN on ring8 with 8-unit MLPs, 2 iterations, a checkpoint
 * at each, 16 evaluation samples. Cases break one field of it, or of the run it trains.
 */
export const TINY_WGAN_CONFIG =
  'seed: 1\nobjective: { name: wgan }\ndata: { name: ring8 }\n' +
  'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
  'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
  'training: { iterations: 2 }\nrun: { dir: out, logEvery: 1, checkpointEvery: 1 }\n' +
  'evaluation: { samples: 16, projections: 4 }\n';
