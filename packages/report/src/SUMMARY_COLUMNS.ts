/**
 * The per-run numbers of the metrics table, in column order. Evaluation keys that no column
 * here reads (a hook's own evaluate() metrics) follow as columns of their own, labelled by name.
 */
export const SUMMARY_COLUMNS = [
  { key: 'w1', header: 'W1', meaning: 'exact W1 of generated vs real samples at the last evaluation' },
  { key: 'slicedW1', header: 'sliced W1', meaning: 'sliced W1 at the last evaluation' },
  { key: 'mmd2', header: 'MMD²', meaning: 'unbiased MMD² at the last evaluation' },
  { key: 'modesCovered', header: 'modes', meaning: 'modes covered at the last evaluation' },
  { key: 'highQuality', header: 'high quality %', meaning: 'samples within 3 std of the nearest mode, percent' },
  {
    key: 'reverseKl',
    header: 'reverse KL',
    meaning: 'KL(histogram of high-quality samples over the modes ‖ uniform) at the last evaluation',
  },
  {
    key: 'massKl',
    header: 'mass KL',
    meaning: 'KL(histogram of all samples over their nearest modes ‖ uniform): collapse by mass, sharp or not',
  },
  {
    key: 'largestShare',
    header: 'largest share %',
    meaning: 'percent of all samples nearest the most popular mode (100/K when spread evenly)',
  },
  { key: 'lipschitz', header: 'K', meaning: "the critic's empirical Lipschitz constant at the last evaluation" },
  {
    key: 'estimateOverK',
    header: 'estimate/K',
    meaning: "the objective's estimate over the critic's Lipschitz estimate K",
  },
  {
    key: 'meaningfulLoss',
    header: 'ρ(estimate, W1)',
    meaning: "Spearman correlation of the objective's estimate with exact W1 over a run's evaluations",
  },
  { key: 'msPerIteration', header: 'ms/iter', meaning: 'wall-clock milliseconds per generator iteration' },
] as const;

export type SummaryColumnKey = (typeof SUMMARY_COLUMNS)[number]['key'];
