import type { IpmPlugin, Objective } from '@ipmgan/core';
import { ExtensionRegistry } from '@ipmgan/core/engine';

/**
 * The installed GAN objective `name` (as resolved among `plugins`, so no objective package is
 * imported here) with the minimax generator loss log(1 - D(g(z))), to compare the generator
 * gradients of both losses against one trained discriminator.
 */
export function minimaxObjective(plugins: readonly IpmPlugin[], name: string, field: string): Objective {
  const gan = new ExtensionRegistry(plugins.flatMap((p) => p.extensions)).get('objective', name, field);
  return gan.create(gan.optionsSchema.parse({ generatorLoss: 'minimax' }));
}
