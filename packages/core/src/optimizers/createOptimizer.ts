import { tf } from '../tensorflow.js';
import type { OptimizerConfig } from './OptimizerConfig.js';

/** Builds the tfjs optimizer a config entry names, with every hyperparameter explicit. */
export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.name) {
    case 'rmsprop':
      return tf.train.rmsprop(config.lr, config.decay, config.momentum, config.epsilon, false);
    case 'adam':
      return tf.train.adam(config.lr, config.beta1, config.beta2, config.epsilon);
    case 'sgd':
      return tf.train.sgd(config.lr);
  }
}
