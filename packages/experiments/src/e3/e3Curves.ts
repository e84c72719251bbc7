import type { RunData } from '@ipmgan/report';

/** The mode metrics one objective's runs reach at one evaluation iteration, averaged over its seeds. */
export interface E3CurvePoint {
  readonly objective: string;
  readonly iteration: number;
  /** Seeds that evaluated at this iteration. */
  readonly seeds: number;
  /** KL(all samples' mode histogram || uniform), nats. */
  readonly massKl: number;
  /** Largest share of all samples nearest one mode (0..1). */
  readonly largestShare: number;
  /** Share of samples within 3 std of their nearest mode (0..1). */
  readonly highQuality: number;
  /** Modes nearest to at least one high-quality sample. */
  readonly modesCovered: number;
  readonly w1: number;
}

type MeanKey = 'massKl' | 'largestShare' | 'highQuality' | 'modesCovered' | 'w1';

/**
 * Per objective (in the order labels first appear) and evaluation iteration (ascending), the
 * mean over seeds of the mass and high-quality mode metrics of metrics.jsonl's evaluations.
 * An evaluation without a key (a run logged before massKl existed) leaves that key's mean NaN.
 */
export function e3Curves(runs: readonly RunData[]): E3CurvePoint[] {
  const labels = [...new Set(runs.map((r) => r.label))];
  return labels.flatMap((objective) => {
    const group = runs.filter((r) => r.label === objective);
    const byIteration = new Map<number, Readonly<Record<string, number>>[]>();
    for (const run of group)
      for (const record of run.metrics) {
        if (!record.evaluation) continue;
        byIteration.set(record.iteration, [...(byIteration.get(record.iteration) ?? []), record.evaluation]);
      }
    return [...byIteration.entries()]
      .sort(([a], [b]) => a - b)
      .map(([iteration, evaluations]) => {
        const mean = (key: MeanKey): number =>
          evaluations.reduce((sum, e) => sum + (e[key] ?? Number.NaN), 0) / evaluations.length;
        return {
          objective,
          iteration,
          seeds: evaluations.length,
          massKl: mean('massKl'),
          largestShare: mean('largestShare'),
          highQuality: mean('highQuality'),
          modesCovered: mean('modesCovered'),
          w1: mean('w1'),
        };
      });
  });
}
