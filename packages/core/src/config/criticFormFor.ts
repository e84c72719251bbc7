import type { CriticRequirement } from '../contracts/ObjectiveRequirements.js';
import type { Objective } from '../contracts/Objective.js';
import { ConfigError } from './ConfigError.js';

/**
 * The critic form a config gets for `objective`: the one its requirement names. A config that
 * names another form (`critic.form`) or lists a constraint the objective refuses
 * (`critic.constraints.<i>.name`, canonical ids) fails with one line naming that field; an
 * objective whose `requires.critic` disagrees with `usesCritic` is a plugin defect. Null for
 * an objective without a critic.
 */
export function criticFormFor(
  objective: Objective,
  critic: { readonly form?: string | undefined; readonly constraints: readonly { readonly name: string }[] },
): CriticRequirement['output'] | null {
  const requirement = objective.requires.critic;
  if ((requirement !== undefined) !== objective.usesCritic)
    throw new Error(
      `objective ${objective.id}: requires.critic must be present exactly when usesCritic is true (usesCritic is ${String(objective.usesCritic)})`,
    );
  if (!requirement) return null;
  if (critic.form !== undefined && critic.form !== requirement.output) {
    const size = requirement.output === 'features' ? ` (${String(requirement.size)} outputs)` : '';
    throw new ConfigError(
      `objective ${objective.id} needs a${requirement.output === 'autoencoder' ? 'n' : ''} ${requirement.output} critic${size}, not ${critic.form}; remove critic.form or set it to ${requirement.output}`,
      ['critic', 'form'],
    );
  }
  critic.constraints.forEach((constraint, index) => {
    const refusal = objective.requires.refusesConstraints?.find((r) => r.id === constraint.name);
    if (refusal)
      throw new ConfigError(`objective ${objective.id} refuses constraint ${refusal.id}: ${refusal.reason}`, [
        'critic',
        'constraints',
        index,
        'name',
      ]);
  });
  return requirement.output;
}
