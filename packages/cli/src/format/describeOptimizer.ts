import type { OptimizerConfigInput } from '@ipmgan/core/engine';

/** An optimizer entry in a few words: `rmsprop lr 5e-5`, `adam lr 1e-3 b1 0.5`. */
export function describeOptimizer(optimizer: OptimizerConfigInput): string {
  const parts = [optimizer.name, `lr ${String(optimizer.lr)}`];
  if (optimizer.name === 'adam' && optimizer.beta1 !== undefined && optimizer.beta1 !== 0.9)
    parts.push(`b1 ${String(optimizer.beta1)}`);
  if (optimizer.name === 'rmsprop' && optimizer.momentum !== undefined && optimizer.momentum !== 0)
    parts.push(`momentum ${String(optimizer.momentum)}`);
  return parts.join(' ');
}
