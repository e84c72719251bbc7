import { IDS, type Extension, type Objective } from '@ipmgan/core';
import { ExtensionRegistry, type Run } from '@ipmgan/core/engine';

/**
 * `run`'s GAN objective again, with the minimax generator loss log(1 - D(g(z))), to compare the
 * generator gradients of both losses against one trained discriminator. Its extension is the
 * one the run was composed with: the extensions bound in the run's container (IDS.Extension),
 * looked up by the run's objective name, so no objective package is imported here and no
 * plugin list is carried beside the run. `field` names the config path in errors.
 */
export function minimaxObjective(run: Run, field: string): Objective {
  const extensions = new ExtensionRegistry(run.container.getAll<Extension>(IDS.Extension));
  const gan = extensions.get('objective', run.config.objective.name, field);
  return gan.create(gan.optionsSchema.parse({ generatorLoss: 'minimax' }));
}
