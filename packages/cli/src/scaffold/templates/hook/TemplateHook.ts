import { tf, type TrainerContext, type TrainerHook } from '@ipmgan/core';

/** Samples the metric is computed on. */
const SAMPLES = 256;

/**
 * A hook that measures on evaluation iterations (`run.evaluateEvery`): templateMeanNorm, the
 * norm of the mean of SAMPLES generated points. Its noise comes from the hook's own stream
 * (`context.plugins.forHook(this)`), which checkpoints save, never from the training stream;
 * the metric appears in metrics.jsonl, in `ipmgan compare`'s table and in the reports.
 */
export class TemplateHook implements TrainerHook {
  readonly name = 'template-hook';

  evaluate(context: TrainerContext): Record<string, number> {
    const { rng } = context.plugins.forHook(this);
    const { generator } = context;
    const value = tf.tidy(() => {
      const x = tf.reshape(generator.generate(generator.noise(SAMPLES, rng), false), [SAMPLES, -1]); // [n, d]
      return tf.norm(tf.mean(x, 0)).dataSync()[0] ?? Number.NaN;
    });
    return { templateMeanNorm: value };
  }
}
