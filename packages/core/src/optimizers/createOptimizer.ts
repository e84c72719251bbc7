import { tf } from '../tensorflow.js';
import type { OptimizerConfig } from './OptimizerConfig.js';
import { TorchRmsProp } from './TorchRmsProp.js';

/** Builds the optimizer a config entry names, with every hyperparameter explicit (RMSProp as PyTorch computes it). */
export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.name) {
    case 'rmsprop':
      return new TorchRmsProp(config.lr, config.decay, config.momentum, config.epsilon);
    case 'adam':
      return tf.train.adam(config.lr, config.beta1, config.beta2, config.epsilon);
    case 'sgd':
      return tf.train.sgd(config.lr);
  }
}
