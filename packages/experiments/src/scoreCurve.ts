import { scoreOf, tf, type Critic } from '@ipmgan/core';

/** A critic's score s(x) and its derivative s'(x) at 1-D points x. */
export interface ScoreCurve {
  readonly x: readonly number[];
  readonly score: readonly number[];
  readonly slope: readonly number[];
}

export function scoreCurve(critic: Critic, x: readonly number[]): ScoreCurve {
  return tf.tidy(() => {
    const input = tf.tensor2d([...x], [x.length, 1]); // [n, 1]
    const score = scoreOf(critic.evaluate(input, false), 'scoreCurve'); // [n]
    const slope = tf.grad((v: tf.Tensor) => tf.sum(scoreOf(critic.evaluate(v, false), 'scoreCurve')))(input); // [n, 1]
    return { x: [...x], score: Array.from(score.dataSync()), slope: Array.from(slope.dataSync()) };
  });
}
