import type { MixtureModes } from '@ipmgan/core';
import { builtinDataSources, type ResolvedConfig } from '@ipmgan/core/engine';

/**
 * The true mode centres of the run's data when its source declares them from its options
 * (core's Gaussian mixtures, ring8 and grid25); undefined for every other source. Nothing is
 * created or read to find them.
 */
export function mixtureModesOf(config: ResolvedConfig): MixtureModes | undefined {
  const extension = builtinDataSources.find((e) => e.id === config.data.name);
  return extension?.modes?.(extension.optionsSchema.parse(config.data.options));
}
