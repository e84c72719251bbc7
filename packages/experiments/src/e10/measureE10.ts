import { Rng, tf, type Critic } from '@ipmgan/core';
import { lipschitzEstimate, type Run } from '@ipmgan/core/engine';
import type { E10Config } from './E10ConfigSchema.js';
import type { ExperimentOptions } from '../ExperimentOptions.js';
import { generatorGradient } from '../generatorGradient.js';
import { linearFit } from '../linearFit.js';
import { minimaxObjective } from '../minimaxObjective.js';
import type { ObjectiveEntry } from '../ObjectiveEntrySchema.js';
import { scoreCurve } from '../scoreCurve.js';
import { trainedCriticRun } from '../trainedCriticRun.js';
import { twoGaussiansBase } from '../twoGaussiansBase.js';

const sigmoid = (l: number): number => 1 / (1 + Math.exp(-l));
const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

/** Pearson correlation of two equal-length series (NaN when either is constant). */
function pearson(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? Number.NaN;
    sab += (x - ma) * (y - mb);
    saa += (x - ma) ** 2;
    sbb += (y - mb) ** 2;
  });
  return sab / Math.sqrt(saa * sbb);
}

/** One clipped GAN discriminator, trained with the generator frozen, measured at the generated samples. */
export interface E10Discriminator {
  readonly clip: number;
  /** Mean D = sigmoid(logit) at the generated and at the real samples. */
  readonly meanDFake: number;
  readonly meanDReal: number;
  /**
   * Mean of D (1 - D) / (1/4) at the generated samples: 1 when the sigmoid is in its linear
   * regime (logit near 0), 0 when saturated. dD/dx = D (1 - D) dlogit/dx.
   */
  readonly sigmoidSlopeFraction: number;
  /** Mean |dD/dx| at the generated samples. */
  readonly meanAbsDDx: number;
  /** d/dmu of -E[log D(g(z))] (the Trainer's -log D loss) and of E[log(1 - D(g(z)))] (minimax). */
  readonly gradientNonSaturating: number;
  readonly gradientMinimax: number;
  /** The logit's Lipschitz estimate K and its mean |slope| / K at the generated samples. */
  readonly lipschitz: number;
  readonly logitSlopeOverK: number;
  /** R^2 of a linear fit of the logit over the grid points between the two means. */
  readonly logitR2: number;
  /** Pearson correlation of the logit and WGAN's critic f over the whole grid. */
  readonly correlationWithCritic: number;
  /** The logit over the grid. */
  readonly logit: readonly number[];
  readonly seconds: number;
}

export interface E10Results {
  readonly x: readonly number[];
  readonly discriminators: readonly E10Discriminator[];
  readonly critic: {
    readonly f: readonly number[];
    readonly lipschitz: number;
    /** R^2 of a linear fit of f between the means. */
    readonly r2: number;
    /** Mean |f'| / K at the generated samples. */
    readonly slopeOverK: number;
    /** d/dmu of -E[f(g(z))], and it over K. */
    readonly gradient: number;
    readonly gradientOverK: number;
    readonly seconds: number;
  };
}

function gridPoints(config: E10Config): number[] {
  const { from, to, points } = config.grid;
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}

function criticOf(run: Run): Critic {
  const critic = run.trainer.critic;
  if (!critic) throw new Error('the objective trains no critic');
  return critic;
}

/**
 * Appendix G.1: a GAN discriminator with weight clipping at each c of `config.clips` and
 * WGAN's critic, each trained alone between two 1-D Gaussians (the setting of Figure 3)
 * with the generator frozen; measured on a grid and at the generated samples.
 */
export async function measureE10(config: E10Config, options: ExperimentOptions = {}): Promise<E10Results> {
  const x = gridPoints(config);
  const lo = Math.min(config.real.mean, config.generated.mean);
  const hi = Math.max(config.real.mean, config.generated.mean);
  const span = x.map((v, i) => ({ v, i })).filter(({ v }) => v >= lo && v <= hi);
  const base = twoGaussiansBase(config);

  let start = performance.now();
  const wganRun = await trainedCriticRun(
    base,
    config.critic,
    'critic',
    config.criticSteps,
    config.batchSize,
    options.signal,
  );
  let critic: E10Results['critic'];
  try {
    const net = criticOf(wganRun);
    const curve = scoreCurve(net, x);
    const rng = new Rng(config.seed + 1);
    const real = wganRun.trainer.data.sample(config.evaluationSamples, rng);
    const fake = wganRun.trainer.generator.sample(config.evaluationSamples, rng);
    const lipschitz = lipschitzEstimate(net, real, fake, rng);
    const atFake = scoreCurve(net, Array.from(fake.dataSync()));
    tf.dispose([real, fake]);
    const [gradient = Number.NaN] = generatorGradient(wganRun, config.evaluationSamples, new Rng(config.seed + 2));
    critic = {
      f: curve.score,
      lipschitz,
      r2: linearFit(
        span.map(({ v }) => v),
        span.map(({ i }) => curve.score[i] ?? Number.NaN),
      ).r2,
      slopeOverK: mean(atFake.slope.map(Math.abs)) / lipschitz,
      gradient,
      gradientOverK: gradient / lipschitz,
      seconds: (performance.now() - start) / 1000,
    };
  } finally {
    wganRun.dispose();
  }
  options.log?.(`e10: WGAN critic trained, R^2 ${critic.r2.toFixed(4)} between the means`);

  const discriminators: E10Discriminator[] = [];
  for (const [index, clip] of config.clips.entries()) {
    start = performance.now();
    const entry: ObjectiveEntry = {
      ...config.discriminator,
      critic: { ...config.discriminator.critic, constraints: [{ name: 'weight-clipping', options: { clip } }] },
    };
    const run = await trainedCriticRun(
      base,
      entry,
      `clips.${String(index)}`,
      config.criticSteps,
      config.batchSize,
      options.signal,
    );
    try {
      const net = criticOf(run);
      const curve = scoreCurve(net, x);
      const rng = new Rng(config.seed + 1);
      const real = run.trainer.data.sample(config.evaluationSamples, rng);
      const fake = run.trainer.generator.sample(config.evaluationSamples, rng);
      const lipschitz = lipschitzEstimate(net, real, fake, rng);
      const dReal = scoreCurve(net, Array.from(real.dataSync())).score.map(sigmoid);
      const fakeCurve = scoreCurve(net, Array.from(fake.dataSync()));
      tf.dispose([real, fake]);
      const d = fakeCurve.score.map(sigmoid);
      const [gradientNonSaturating = Number.NaN] = generatorGradient(
        run,
        config.evaluationSamples,
        new Rng(config.seed + 2),
      );
      const [gradientMinimax = Number.NaN] = generatorGradient(
        run,
        config.evaluationSamples,
        new Rng(config.seed + 2),
        minimaxObjective(run, 'discriminator.name'),
      );
      discriminators.push({
        clip,
        meanDFake: mean(d),
        meanDReal: mean(dReal),
        sigmoidSlopeFraction: mean(d.map((p) => 4 * p * (1 - p))),
        meanAbsDDx: mean(d.map((p, i) => Math.abs(p * (1 - p) * (fakeCurve.slope[i] ?? Number.NaN)))),
        gradientNonSaturating,
        gradientMinimax,
        lipschitz,
        logitSlopeOverK: mean(fakeCurve.slope.map(Math.abs)) / lipschitz,
        logitR2: linearFit(
          span.map(({ v }) => v),
          span.map(({ i }) => curve.score[i] ?? Number.NaN),
        ).r2,
        correlationWithCritic: pearson(curve.score, critic.f),
        logit: curve.score,
        seconds: (performance.now() - start) / 1000,
      });
    } finally {
      run.dispose();
    }
    const last = discriminators.at(-1);
    options.log?.(
      `e10: GAN discriminator with clip ${String(clip)}: mean D at the generated samples ${last?.meanDFake.toExponential(2) ?? '?'}`,
    );
  }
  return { x, discriminators, critic };
}
