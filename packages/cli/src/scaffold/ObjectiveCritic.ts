/**
 * What `ipmgan new-plugin --critic` gives an objective: a score critic (one value per sample,
 * the default) or a feature critic (a vector per sample, `requires.critic.output: 'features'`).
 */
export const OBJECTIVE_CRITICS = ['score', 'features'] as const;

export type ObjectiveCritic = (typeof OBJECTIVE_CRITICS)[number];
