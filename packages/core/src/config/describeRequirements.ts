import type { ObjectiveRequirements } from '../contracts/ObjectiveRequirements.js';

/**
 * An objective's requirements as `ipmgan plugins` shows them: "critic: score",
 * "critic: features(16)", "critic: none", then "refuses: weight-clipping (why)" for each refusal.
 */
export function describeRequirements(requires: ObjectiveRequirements): string {
  const critic = requires.critic;
  const form = !critic ? 'none' : critic.output === 'features' ? `features(${String(critic.size)})` : critic.output;
  const refusals = (requires.refusesConstraints ?? []).map((r) => `refuses: ${r.id} (${r.reason})`);
  return [`critic: ${form}`, ...refusals].join('; ');
}
