import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng, tf, type StepResult, type TrainerContext, type TrainerHook } from '@ipmgan/core';
import {
  classCoverage,
  featureMoments,
  frechetDistance,
  lipschitzEstimate,
  mnistDigits,
  spearman,
  trainDigitClassifier,
  useBackend,
  type DigitClassifier,
  type FeatureMoments,
} from '@ipmgan/core/engine';
import { sampleSheet } from '@ipmgan/report';
import type { E5Config } from './E5ConfigSchema.js';
import type { ExperimentOptions } from '../ExperimentOptions.js';
import { fitRun } from '../fitRun.js';
import { resolveEntry } from '../resolveEntry.js';
import { trainedRunBase } from '../trainedRunBase.js';

// Keep the measurement's draws and the sheets' noise apart from the training stream.
const MEASURE_SALT = 0x65350001;
const SHEET_SALT = 0x65350002;
const SHEET_SIZE = 64;
// Real and generated digits of each Lipschitz estimate (3x as many gradients: real, fake, between).
const LIPSCHITZ_SAMPLES = 256;
const CLASSES = 10;

/** One quality measurement of a generator during training. */
export interface E5Point {
  readonly iteration: number;
  /** Mean of the estimates logged since the previous measurement (the paper median-filters its curves). */
  readonly estimate: number;
  /** Frechet distance between the classifier features of generated and held-out real digits. */
  readonly frechet: number;
  /** Classes holding at least coverageShare of the generated digits (of 10). */
  readonly covered: number;
  /** KL(class histogram of the generated digits || uniform), nats. */
  readonly classKl: number;
  readonly largestShare: number;
  /** The critic's empirical Lipschitz constant K (lipschitzEstimate) at this iteration; NaN without a critic. */
  readonly lipschitz: number;
}

export interface E5Run {
  readonly label: string;
  readonly objective: string;
  readonly estimateName: string;
  readonly points: readonly E5Point[];
  /** Spearman's rho of the estimate against the Frechet distance over the run's measurements. */
  readonly rhoEstimateFrechet: number;
  /** The same for the estimate divided by K (WGAN's W1 * K / K: W1 up to the critic's growth). */
  readonly rhoEstimateOverKFrechet: number;
  /** The sample sheets written, relative to outDir. */
  readonly sheets: readonly { readonly iteration: number; readonly file: string }[];
  readonly seconds: number;
}

export interface E5Results {
  readonly classifier: {
    readonly trainDigits: number;
    readonly heldOutDigits: number;
    readonly trainAccuracy: number;
    readonly heldOutAccuracy: number;
    readonly seconds: number;
  };
  /** What the same measures give real digits: the classifier's training digits against the held-out ones. */
  readonly real: {
    readonly frechet: number;
    readonly covered: number;
    readonly classKl: number;
    readonly largestShare: number;
    readonly sheet: string;
  };
  readonly runs: readonly E5Run[];
}

/** `count` rows of `images` [n, 784] picked with `rng`, with replacement. */
function drawRows(images: Float32Array, count: number, rng: Rng): Float32Array {
  const pixels = 28 * 28;
  const n = images.length / pixels;
  const out = new Float32Array(count * pixels);
  for (let i = 0; i < count; i++) {
    const row = rng.int(n);
    out.set(images.subarray(row * pixels, (row + 1) * pixels), i * pixels);
  }
  return out;
}

/** Generated digits as the classifier reads them: [n, 784] in [0, 1]. */
function generatedDigits(context: TrainerContext, count: number, rng: Rng, signed: boolean): Float32Array {
  const samples = context.generator.sample(count, rng, false); // [n, 28, 28, 1]
  const values = Float32Array.from(samples.dataSync());
  samples.dispose();
  if (signed) for (let i = 0; i < values.length; i++) values[i] = ((values[i] ?? 0) + 1) / 2;
  return values;
}

function writeSheet(outDir: string, file: string, digits01: Float32Array): void {
  mkdirSync(join(outDir, 'samples'), { recursive: true });
  writeFileSync(
    join(outDir, file),
    sampleSheet({ shape: [digits01.length / 784, 28, 28, 1], data: digits01 }, SHEET_SIZE),
  );
}

function quality(
  classifier: DigitClassifier,
  reference: FeatureMoments,
  digits01: Float32Array,
  coverageShare: number,
): Omit<E5Point, 'iteration' | 'estimate' | 'lipschitz'> {
  const coverage = classCoverage(classifier.classify(digits01), CLASSES, coverageShare);
  return {
    frechet: frechetDistance(featureMoments(classifier.features(digits01), classifier.featureSize), reference),
    covered: coverage.covered,
    classKl: coverage.klToUniform,
    largestShare: coverage.largestShare,
  };
}

/**
 * E5: a digit classifier trained on the labelled digits (its held-out accuracy reported), then
 * each objective trained through core's Trainer with the same generator, critic, data and seed;
 * every `recordEvery` iterations `evaluationSamples` generated digits are classified: class
 * coverage, class KL to uniform and the Frechet distance of their features to the held-out real
 * digits', beside the mean of the estimates logged since the last measurement and the critic's
 * Lipschitz estimate K. Sample sheets of
 * the same 64 noise vectors go to `outDir`/samples/<label>-<iteration>.png.
 */
export async function measureE5(config: E5Config, outDir: string, options: ExperimentOptions = {}): Promise<E5Results> {
  const signed = config.data.options.range === 'minus-one-one';
  // The classifier trains on the runs' backend, so that the whole experiment is one seeded computation.
  await useBackend(config.backend);
  const classifierStart = performance.now();
  const classifier = trainDigitClassifier(mnistDigits(process.cwd()), config.classifier, config.seed);
  try {
    const classifierSeconds = (performance.now() - classifierStart) / 1000;
    options.log?.(
      `e5: classifier: ${(100 * classifier.trainAccuracy).toFixed(1)} % on its ${String(classifier.train.labels.length)} training digits, ${(100 * classifier.heldOutAccuracy).toFixed(1)} % held out, ${classifierSeconds.toFixed(0)} s`,
    );
    const reference = featureMoments(classifier.features(classifier.heldOut.images), classifier.featureSize);
    const realDraw = drawRows(classifier.train.images, config.evaluationSamples, new Rng(config.seed ^ MEASURE_SALT));
    const realSheet = 'samples/real.png';
    writeSheet(outDir, realSheet, realDraw.subarray(0, SHEET_SIZE * 784));
    const real = { ...quality(classifier, reference, realDraw, config.coverageShare), sheet: realSheet };

    const runs: E5Run[] = [];
    for (const [index, entry] of config.objectives.entries()) {
      const label = entry.label ?? entry.name;
      const { config: resolved, plugins } = await resolveEntry(
        { ...entry, batchSize: entry.batchSize ?? config.batchSize },
        trainedRunBase(config, config.logEvery),
        `objectives.${String(index)}`,
      );
      const points: E5Point[] = [];
      const sheets: { iteration: number; file: string }[] = [];
      let window: number[] = [];
      const recorder: TrainerHook = {
        name: 'e5-recorder',
        afterGeneratorStep(context: TrainerContext, step: StepResult) {
          if (step.estimate !== undefined) window.push(step.estimate);
          if (config.sheetIterations.includes(step.iteration)) {
            const file = `samples/${label}-${String(step.iteration)}.png`;
            writeSheet(outDir, file, generatedDigits(context, SHEET_SIZE, new Rng(config.seed ^ SHEET_SALT), signed));
            sheets.push({ iteration: step.iteration, file });
          }
          if (step.iteration % config.recordEvery !== 0 && step.iteration !== config.iterations) return;
          const rng = new Rng((config.seed ^ MEASURE_SALT) + Math.imul(step.iteration, 0x9e3779b1));
          const digits = generatedDigits(context, config.evaluationSamples, rng, signed);
          let lipschitz = Number.NaN;
          if (context.critic) {
            const real = context.data.sample(LIPSCHITZ_SAMPLES, rng);
            const fake = context.generator.sample(LIPSCHITZ_SAMPLES, rng, false);
            try {
              lipschitz = lipschitzEstimate(context.critic, real, fake, rng);
            } finally {
              tf.dispose([real, fake]);
            }
          }
          points.push({
            iteration: step.iteration,
            estimate: window.length === 0 ? Number.NaN : window.reduce((s, v) => s + v, 0) / window.length,
            ...quality(classifier, reference, digits, config.coverageShare),
            lipschitz,
          });
          window = [];
        },
      };
      const seconds = await fitRun(resolved, plugins, [recorder], options.signal);
      runs.push({
        label,
        objective: resolved.objective.name,
        estimateName: resolved.objective.estimate.name,
        points,
        rhoEstimateFrechet: spearman(
          points.map((p) => p.estimate),
          points.map((p) => p.frechet),
        ),
        rhoEstimateOverKFrechet: spearman(
          points.map((p) => p.estimate / p.lipschitz),
          points.map((p) => p.frechet),
        ),
        sheets,
        seconds,
      });
      const last = points.at(-1);
      options.log?.(
        `e5: ${label}: ${String(config.iterations)} iterations in ${seconds.toFixed(0)} s, Frechet ${last?.frechet.toFixed(2) ?? '?'}, ${String(last?.covered ?? '?')} classes covered`,
      );
    }
    return {
      classifier: {
        trainDigits: classifier.train.labels.length,
        heldOutDigits: classifier.heldOut.labels.length,
        trainAccuracy: classifier.trainAccuracy,
        heldOutAccuracy: classifier.heldOutAccuracy,
        seconds: classifierSeconds,
      },
      real,
      runs,
    };
  } finally {
    classifier.dispose();
  }
}
