import { tf } from '../tensorflow.js';
import type { OptimizerConfig } from './OptimizerConfig.js';
import { TorchAdam } from './TorchAdam.js';
import { TorchRmsProp } from './TorchRmsProp.js';

/** Builds the optimizer a config entry names, with every hyperparameter explicit (RMSProp and Adam as PyTorch computes them, so that their whole state is restorable). */
export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.name) {
    case 'rmsprop':
      return new TorchRmsProp(config.lr, config.decay, config.momentum, config.epsilon);
    case 'adam':
      return new TorchAdam(config.lr, config.beta1, config.beta2, config.epsilon);
    case 'sgd':
      return tf.train.sgd(config.lr);
  }
}
