import { builtinDataSources, type MixtureModes, type ResolvedConfig } from '@ipmgan/core';

/**
 * The true mode centres of the run's data when it is one of core's Gaussian mixtures
 * (ring8, grid25); undefined for every other source, including plugin and file-backed ones,
 * which are not opened just to draw a plot.
 */
export async function mixtureModesOf(config: ResolvedConfig, baseDirectory: string): Promise<MixtureModes | undefined> {
  const extension = builtinDataSources.find((e) => e.id === config.data.name);
  if (extension === undefined || !['ring8', 'grid25'].includes(extension.id)) return undefined;
  const options = extension.optionsSchema.parse(config.data.options);
  const source = await extension.create(options, { baseDir: baseDirectory });
  return source.modes;
}
