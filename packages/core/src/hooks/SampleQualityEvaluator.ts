import { digitMetrics, isDigitShaped } from '../metrics/digits/digitMetrics.js';
import { evaluateSamples } from '../metrics/evaluateSamples.js';
import { lipschitzEstimate } from '../metrics/lipschitzEstimate.js';
import { medianBandwidth } from '../metrics/medianBandwidth.js';
import { pointsFromTensor } from '../metrics/pointsFromTensor.js';
import { Rng } from '../random/Rng.js';
import { imageRange } from '../tensorboard/imageRange.js';
import { tf } from '../tensorflow.js';
import type { StepResult } from '../trainer/StepResult.js';
import type { TrainerContext } from '../trainer/TrainerContext.js';
import type { TrainerHook } from '../trainer/TrainerHook.js';
import { objectiveInputs } from '../trainer/objectiveInputs.js';
import { witnessOf } from '../trainer/witnessOf.js';

// Salts that keep the evaluator's streams apart from the training stream and from each other.
const EVALUATION_SALT = 0x6576616c; // "eval"
const BANDWIDTH_SALT = 0x62616e64; // "band"

/**
 * Measures sample quality on evaluation iterations (`run.evaluateEvery`): `evaluation.samples`
 * fresh generated samples (generator in inference mode) against as many fresh real ones,
 * scored by evaluateSamples (w1, slicedW1, mmd2, precision, recall, density, coverage, mode
 * metrics on mixtures), on 28 x 28 x 1 data the digit classifier's digitMetrics (digitFrechet,
 * digitKid, digitClasses, digitClassKl), plus, for
 * objectives with a critic and `evaluation.lipschitz`, the empirical Lipschitz constant
 * `lipschitz` of the objective's witness (its critic's score unless it declares one: a
 * features critic's K is that of the function its estimate is built from; none without a
 * witness) and `estimateOverK`
 * (the step's estimate / K, omitted when K is 0).
 *
 * Its randomness never touches the training stream: iteration i draws from
 * Rng(seed ^ "eval" + i * golden), so each evaluation is reproducible on its own (also after a
 * resume) and a run trains identically with and without evaluation. Without
 * `evaluation.bandwidths` the MMD kernel has one bandwidth: the median pairwise distance of a
 * fixed real sample, computed once per run.
 */
export class SampleQualityEvaluator implements TrainerHook {
  readonly name = 'sample-quality';
  #bandwidths: readonly number[] | undefined;

  #bandwidthsFor(context: TrainerContext): readonly number[] {
    const { seed, evaluation } = context.config;
    if (evaluation.bandwidths) return evaluation.bandwidths;
    if (!this.#bandwidths) {
      const x = context.data.sample(evaluation.samples, new Rng(seed ^ BANDWIDTH_SALT));
      this.#bandwidths = [medianBandwidth(pointsFromTensor(x))];
      x.dispose();
    }
    return this.#bandwidths;
  }

  evaluate(context: TrainerContext, iteration: number, step?: StepResult): Record<string, number> {
    const { seed, evaluation } = context.config;
    const bandwidths = this.#bandwidthsFor(context);
    const rng = new Rng((seed ^ EVALUATION_SALT) + Math.imul(iteration, 0x9e3779b1));
    const generated = context.generator.sample(evaluation.samples, rng, false); // [n, ...shape]
    const real = context.data.sample(evaluation.samples, rng); // [n, ...shape]
    try {
      const metrics = evaluateSamples(pointsFromTensor(generated), pointsFromTensor(real), {
        projections: evaluation.projections,
        bandwidths,
        rng,
        ...(context.data.modes ? { modes: context.data.modes } : {}),
      });
      if (isDigitShaped(context.data.shape)) {
        // The classifier reads [0, 1] pixels; data in [-1, 1] maps back by (x + 1) / 2.
        const [lo, hi] = imageRange(context.config);
        const unit = (x: tf.Tensor): Float32Array => Float32Array.from(x.dataSync(), (v) => (v - lo) / (hi - lo));
        Object.assign(metrics, digitMetrics(unit(generated), unit(real)));
      }
      if (context.critic && evaluation.lipschitz) {
        // The witness's reference batches are this evaluation's, in inference mode; none: no K.
        const [k] = tf.tidy((): number[] => {
          const witness = witnessOf(context.objective, objectiveInputs(context, real, generated, { training: false }));
          return witness ? [lipschitzEstimate(witness, real, generated, rng)] : [];
        });
        if (k !== undefined) {
          metrics.lipschitz = k;
          if (step?.estimate !== undefined && k > 0) metrics.estimateOverK = step.estimate / k;
        }
      }
      return metrics;
    } finally {
      tf.dispose([generated, real]);
    }
  }
}
