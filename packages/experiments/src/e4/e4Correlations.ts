import { spearman } from '@ipmgan/core/engine';
import { meanAndStandardError, type MeanSe, type RunData } from '@ipmgan/report';

/** Per objective: rho(estimate, W1) and rho(generator loss, W1) over each run's evaluations, mean ± se over seeds. */
export interface E4Correlations {
  readonly label: string;
  readonly estimateName: string;
  readonly estimate: MeanSe | null;
  readonly generatorLoss: MeanSe | null;
  readonly perRun: readonly { readonly seed: number; readonly estimate: number; readonly generatorLoss: number }[];
}

function correlationsOf(run: RunData): { estimate: number; generatorLoss: number } {
  const evaluated = run.metrics.filter((m) => m.evaluation?.w1 !== undefined);
  const w1 = evaluated.map((m) => m.evaluation?.w1 ?? Number.NaN);
  return {
    estimate: spearman(
      evaluated.map((m) => m.estimate),
      w1,
    ),
    generatorLoss: spearman(
      evaluated.map((m) => m.generatorLoss),
      w1,
    ),
  };
}

/** Spearman correlations of each objective's logged numbers with the exact W1 of fresh samples. */
export function e4Correlations(runs: readonly RunData[]): E4Correlations[] {
  const labels = [...new Set(runs.map((r) => r.label))];
  return labels.map((label) => {
    const mine = runs.filter((r) => r.label === label);
    const perRun = mine.map((r) => ({ seed: r.seed, ...correlationsOf(r) }));
    return {
      label,
      estimateName: mine[0]?.metrics[0]?.estimateName ?? '?',
      estimate: meanAndStandardError(perRun.map((r) => r.estimate)),
      generatorLoss: meanAndStandardError(perRun.map((r) => r.generatorLoss)),
      perRun,
    };
  });
}
