import type { ObjectiveRequirements } from '@ipmgan/core';

/**
 * An objective's requirements in a few words: `critic` is "score", "features(16)",
 * "autoencoder" or "none"; `refuses` is "refuses: weight-clipping (why)" per refused constraint.
 */
export function describeRequirements(requires: ObjectiveRequirements): {
  readonly critic: string;
  readonly refuses: readonly string[];
} {
  const critic = requires.critic;
  return {
    critic: !critic ? 'none' : critic.output === 'features' ? `features(${String(critic.size)})` : critic.output,
    refuses: (requires.refusesConstraints ?? []).map((r) => `refuses: ${r.id} (${r.reason})`),
  };
}
