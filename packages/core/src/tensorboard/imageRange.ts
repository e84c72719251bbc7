import type { ResolvedConfig } from '../config/ResolvedConfig.js';

/** The value range of a run's image samples: [-1, 1] for data with `range: minus-one-one`, else [0, 1]. */
export function imageRange(config: ResolvedConfig): [number, number] {
  return config.data.options.range === 'minus-one-one' ? [-1, 1] : [0, 1];
}
