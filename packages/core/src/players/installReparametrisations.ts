import { ConfigError } from '../config/ConfigError.js';
import type { Constraint } from '../contracts/Constraint.js';
import type { Critic } from '../contracts/Critic.js';
import { PluginContexts } from '../trainer/PluginContexts.js';

/**
 * Installs every constraint's `reparametrise` on each of the critic's layers, in config
 * order (a second reparametrising constraint receives the first's kernel). A critic whose
 * networks expose no layers cannot be reparametrised: that is a config error.
 */
export function installReparametrisations(
  critic: Critic,
  constraints: readonly Constraint[],
  plugins: PluginContexts,
): void {
  constraints.forEach((constraint, index) => {
    const reparametrise = constraint.reparametrise?.bind(constraint);
    if (!reparametrise) return;
    if (critic.layers.length === 0)
      throw new ConfigError(
        `critic.constraints.${String(index)}.name: "${constraint.id}" reparametrises layer kernels, but the critic's network exposes no layers`,
      );
    const context = plugins.contextFor(PluginContexts.constraintKey(constraint.id, index));
    critic.layers.forEach((layer, position) => {
      const previous = layer.transform;
      layer.reparametrise((kernel, training) =>
        reparametrise(
          { layer, index: position, kernel: previous ? previous(kernel, training) : kernel, training },
          context,
        ),
      );
    });
  });
}
