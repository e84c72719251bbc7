import type { E1Config } from './E1ConfigSchema.js';
import { estimateAtTheta, type ThetaEstimate } from './estimateAtTheta.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import { resolveEntry } from './resolveEntry.js';
import { parallelLinesDistances, type ParallelLinesDistances } from './parallelLinesDistances.js';
import { trainTheta, type ThetaTraining } from './trainTheta.js';

/** One objective's part of E1. */
export interface E1ObjectiveResults {
  readonly label: string;
  /** The objective's resolved id (wgan, gan, ebgan, mmd). */
  readonly objective: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly estimates: readonly ThetaEstimate[];
  readonly training: ThetaTraining;
  /** Seconds for the estimates at every theta. */
  readonly estimateSeconds: number;
}

export interface E1Results {
  readonly curve: readonly ParallelLinesDistances[];
  readonly objectives: readonly E1ObjectiveResults[];
}

/** The closed-form curve on `points` evenly spaced thetas in [-1, 1], with theta = 0 itself added. */
function curveThetas(points: number): number[] {
  const thetas = Array.from({ length: points }, (_, i) => -1 + (2 * i) / (points - 1));
  return [...new Set([...thetas.map((t) => (Math.abs(t) < 1e-12 ? 0 : t)), 0])].sort((a, b) => a - b);
}

/**
 * E1, the WGAN paper's Example 1: (a) the closed forms of W, JS, TV and KL against theta
 * beside each objective's estimate after training its critic at a frozen theta; (b) theta
 * after training g_theta from theta0 with each objective through the Trainer.
 */
export async function measureE1(config: E1Config, options: ExperimentOptions = {}): Promise<E1Results> {
  const base = { name: config.name, seed: config.seed, backend: config.backend, criticNetwork: config.criticNetwork };
  // Every entry is resolved before anything trains, so a bad one fails in a second, not after minutes.
  const ids: string[] = [];
  for (const [i, entry] of config.objectives.entries())
    ids.push(
      (
        await resolveEntry(
          entry,
          {
            ...base,
            data: { name: 'parallel-lines' },
            generator: { noise: { distribution: 'uniform', dimension: 1 }, network: { name: 'parallel-line' } },
            iterations: config.training.iterations,
            logEvery: config.training.recordEvery,
          },
          `objectives.${String(i)}`,
        )
      ).config.objective.name,
    );
  const objectives: E1ObjectiveResults[] = [];
  for (const [i, entry] of config.objectives.entries()) {
    const field = `objectives.${String(i)}`;
    const label = entry.label ?? entry.name;
    const start = performance.now();
    const estimates: ThetaEstimate[] = [];
    for (const theta of config.distances.thetas) {
      estimates.push(
        await estimateAtTheta(
          entry,
          field,
          base,
          {
            theta,
            criticSteps: config.distances.criticSteps,
            batchSize: config.distances.batchSize,
            evaluationSamples: config.distances.evaluationSamples,
          },
          options.signal,
        ),
      );
    }
    const estimateSeconds = (performance.now() - start) / 1000;
    options.log?.(`e1: ${label}: estimates at ${String(estimates.length)} thetas in ${estimateSeconds.toFixed(1)} s`);
    const training = await trainTheta(
      entry,
      field,
      base,
      {
        theta0: config.training.theta0,
        iterations: config.training.iterations,
        recordEvery: config.training.recordEvery,
        pretrainCriticSteps: config.training.pretrainCriticSteps,
        batchSize: config.distances.batchSize,
        gradientSamples: config.distances.evaluationSamples,
      },
      options.signal,
    );
    options.log?.(
      `e1: ${label}: theta ${String(training.theta0)} -> ${training.thetaFinal.toFixed(4)} after ${String(training.iterations)} iterations (${training.seconds.toFixed(1)} s)`,
    );
    objectives.push({
      label,
      objective: ids[i] ?? entry.name,
      options: entry.options,
      estimates,
      training,
      estimateSeconds,
    });
  }
  return { curve: curveThetas(config.distances.curvePoints).map(parallelLinesDistances), objectives };
}
