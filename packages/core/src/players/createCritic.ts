import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { Critic } from '../contracts/Critic.js';
import type { ExtensionRegistry } from '../plugins/ExtensionRegistry.js';
import type { Rng } from '../random/Rng.js';
import { AutoencoderCritic } from './AutoencoderCritic.js';
import { FeatureCritic } from './FeatureCritic.js';
import { ScoreCritic } from './ScoreCritic.js';

/**
 * Builds the critic a resolved config describes (the form the objective requires): a score
 * network (one output), a features network (`critic.features` outputs), or an autoencoder
 * energy (encoder `critic.network` to a code of `critic.codeSize`, decoder `critic.decoder`).
 */
export function createCritic(
  critic: NonNullable<ResolvedConfig['critic']>,
  dataShape: readonly number[],
  registry: ExtensionRegistry,
  rng: Rng,
  name: string,
): Critic {
  const network = registry.get('network', critic.network.name, 'critic.network.name');
  if (critic.form === 'features') {
    const size = critic.features;
    if (size === undefined) throw new Error('critic.features: a features critic needs its output count');
    return new FeatureCritic(
      network.create(critic.network.options, { inputShape: dataShape, outputShape: [size], rng, name }),
    );
  }
  if (critic.form === 'score') {
    return new ScoreCritic(
      network.create(critic.network.options, { inputShape: dataShape, outputShape: [1], rng, name }),
    );
  }
  const decoderRef = critic.decoder ?? critic.network;
  const decoder = registry.get('network', decoderRef.name, 'critic.decoder.name');
  return new AutoencoderCritic(
    network.create(critic.network.options, {
      inputShape: dataShape,
      outputShape: [critic.codeSize],
      rng,
      name: `${name}/encoder`,
    }),
    decoder.create(decoderRef.options, {
      inputShape: [critic.codeSize],
      outputShape: dataShape,
      rng,
      name: `${name}/decoder`,
    }),
  );
}
