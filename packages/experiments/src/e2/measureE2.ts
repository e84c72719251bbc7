import { Rng, tf } from '@ipmgan/core';
import { lipschitzEstimate, objectiveInputs, type Run } from '@ipmgan/core/engine';
import type { E2Config } from './E2ConfigSchema.js';
import type { ExperimentOptions } from '../ExperimentOptions.js';
import { generatorGradient } from '../generatorGradient.js';
import { minimaxObjective } from '../minimaxObjective.js';
import { linearFit, type LinearFit } from '../linearFit.js';

import type { ObjectiveEntry } from '../ObjectiveEntrySchema.js';
import { scoreCurve, type ScoreCurve } from '../scoreCurve.js';
import { trainedCriticRun } from '../trainedCriticRun.js';
import { twoGaussiansBase } from '../twoGaussiansBase.js';

const sigmoid = (l: number): number => 1 / (1 + Math.exp(-l));
const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const maxAbs = (v: readonly number[]): number => v.reduce((a, b) => Math.max(a, Math.abs(b)), 0);

export interface E2Results {
  readonly grid: {
    readonly x: readonly number[];
    /** D(x) = sigmoid(l(x)) of the trained discriminator. */
    readonly discriminator: readonly number[];
    /** f(x) of the trained WGAN critic. */
    readonly critic: readonly number[];
    /** f'(x). */
    readonly criticSlope: readonly number[];
    /** dD/dx. */
    readonly discriminatorSlope: readonly number[];
  };
  /** At the generated samples. */
  readonly discriminator: {
    readonly meanD: number;
    readonly meanAbsDDx: number;
    readonly maxAbsDDx: number;
    /** d/dmu of -E[log D(g(z))], the non-saturating loss the Trainer uses. */
    readonly gradientNonSaturating: number;
    /** d/dmu of E[log(1 - D(g(z)))], the minimax loss. */
    readonly gradientMinimax: number;
    readonly jsLowerBound: number;
    readonly seconds: number;
  };
  readonly critic: {
    readonly lipschitz: number;
    readonly meanAbsSlope: number;
    /** min |f'| / max |f'| over the generated samples. */
    readonly slopeRatioAtSamples: number;
    /** Linear fit of f over the grid points between the two means. */
    readonly fit: LinearFit;
    /** min |f'| / max |f'| over that span. */
    readonly slopeRatioOverSpan: number;
    /** d/dmu of -E[f(g(z))], and the same divided by K. */
    readonly gradient: number;
    readonly gradientOverK: number;
    /** The critic's estimate E_r f - E_g f (= W1 * K at optimality) and it divided by K. */
    readonly estimate: number;
    readonly estimateOverK: number;
    readonly seconds: number;
  };
  /** W1 between the two Gaussians with equal std: |mean_r - mean_g|. */
  readonly w1: number;
}

function trainedRun(config: E2Config, entry: ObjectiveEntry, field: string, signal?: AbortSignal) {
  return trainedCriticRun(twoGaussiansBase(config), entry, field, config.criticSteps, config.batchSize, signal);
}

function gridPoints(config: E2Config): number[] {
  const { from, to, points } = config.grid;
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}

/** Samples from the frozen generator and the real data, with the critic's outputs on them. */
function evaluationInputs(run: Run, n: number, rng: Rng): { real: tf.Tensor; fake: tf.Tensor } {
  const { generator, data } = run.trainer;
  return { real: data.sample(n, rng), fake: generator.sample(n, rng) };
}

/**
 * The paper's figure of the optimal discriminator and critic: trains a GAN discriminator
 * and a clipped WGAN critic between two 1-D Gaussians with the generator frozen, and
 * measures both functions on a grid and their gradients at the generated samples.
 */
export async function measureE2(config: E2Config, options: ExperimentOptions = {}): Promise<E2Results> {
  const x = gridPoints(config);
  const lo = Math.min(config.real.mean, config.generated.mean);
  const hi = Math.max(config.real.mean, config.generated.mean);

  let start = performance.now();
  const ganRun = await trainedRun(config, config.discriminator, 'discriminator', options.signal);
  let discriminator: E2Results['discriminator'];
  let ganCurve: ScoreCurve;
  try {
    ganCurve = scoreCurve(ganRun.trainer.critic ?? fail(), x);
    const rng = new Rng(config.seed + 1);
    const { real, fake } = evaluationInputs(ganRun, config.evaluationSamples, rng);
    const fakeX = Array.from(fake.dataSync());
    const atFake = scoreCurve(ganRun.trainer.critic ?? fail(), fakeX);
    const d = atFake.score.map(sigmoid);
    const dDdx = atFake.slope.map((s, i) => (d[i] ?? 0) * (1 - (d[i] ?? 0)) * s);
    const jsLowerBound = tf.tidy(() => {
      const inputs = objectiveInputs(ganRun.trainer, real, fake, { training: false });
      return ganRun.trainer.objective.estimate(inputs).dataSync()[0] ?? Number.NaN;
    });
    tf.dispose([real, fake]);
    const [gradientNonSaturating = Number.NaN] = generatorGradient(
      ganRun,
      config.evaluationSamples,
      new Rng(config.seed + 2),
    );
    const minimax = minimaxObjective(ganRun, 'discriminator.name');
    const [gradientMinimax = Number.NaN] = generatorGradient(
      ganRun,
      config.evaluationSamples,
      new Rng(config.seed + 2),
      minimax,
    );
    discriminator = {
      meanD: mean(d),
      meanAbsDDx: mean(dDdx.map(Math.abs)),
      maxAbsDDx: maxAbs(dDdx),
      gradientNonSaturating,
      gradientMinimax,
      jsLowerBound,
      seconds: (performance.now() - start) / 1000,
    };
  } finally {
    ganRun.dispose();
  }
  options.log?.(
    `e2: discriminator trained, mean |dD/dx| at the generated samples ${discriminator.meanAbsDDx.toExponential(2)}`,
  );

  start = performance.now();
  const wganRun = await trainedRun(config, config.critic, 'critic', options.signal);
  let critic: E2Results['critic'];
  let wganCurve: ScoreCurve;
  try {
    const net = wganRun.trainer.critic ?? fail();
    wganCurve = scoreCurve(net, x);
    const rng = new Rng(config.seed + 1);
    const { real, fake } = evaluationInputs(wganRun, config.evaluationSamples, rng);
    const atFake = scoreCurve(net, Array.from(fake.dataSync()));
    const lipschitz = lipschitzEstimate(net, real, fake, rng);
    const estimate = tf.tidy(() => {
      const inputs = objectiveInputs(wganRun.trainer, real, fake, { training: false });
      return wganRun.trainer.objective.estimate(inputs).dataSync()[0] ?? Number.NaN;
    });
    tf.dispose([real, fake]);
    const span = x.map((v, i) => ({ v, i })).filter(({ v }) => v >= lo && v <= hi);
    const spanX = span.map(({ v }) => v);
    const spanF = span.map(({ i }) => wganCurve.score[i] ?? Number.NaN);
    const spanSlopes = span.map(({ i }) => Math.abs(wganCurve.slope[i] ?? Number.NaN));
    const sampleSlopes = atFake.slope.map(Math.abs);
    const [gradient = Number.NaN] = generatorGradient(wganRun, config.evaluationSamples, new Rng(config.seed + 2));
    critic = {
      lipschitz,
      meanAbsSlope: mean(sampleSlopes),
      slopeRatioAtSamples: Math.min(...sampleSlopes) / Math.max(...sampleSlopes),
      fit: linearFit(spanX, spanF),
      slopeRatioOverSpan: Math.min(...spanSlopes) / Math.max(...spanSlopes),
      gradient,
      gradientOverK: gradient / lipschitz,
      estimate,
      estimateOverK: estimate / lipschitz,
      seconds: (performance.now() - start) / 1000,
    };
  } finally {
    wganRun.dispose();
  }
  options.log?.(`e2: critic trained, linear fit R^2 ${critic.fit.r2.toFixed(4)} between the modes`);

  return {
    grid: {
      x,
      discriminator: ganCurve.score.map(sigmoid),
      discriminatorSlope: ganCurve.score.map((l, i) => sigmoid(l) * (1 - sigmoid(l)) * (ganCurve.slope[i] ?? 0)),
      critic: wganCurve.score,
      criticSlope: wganCurve.slope,
    },
    discriminator,
    critic,
    w1: Math.abs(config.real.mean - config.generated.mean),
  };
}

function fail(): never {
  throw new Error('the objective trains no critic');
}
