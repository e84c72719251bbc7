import { ConfigError, type IpmPlugin } from '@ipmgan/core';
import { resolveConfig, setConfigPath, type ResolvedConfig, type SweepSetting } from '@ipmgan/core/engine';

/** Paths that name what compare itself varies: they cannot be swept. */
const NOT_SWEPT: Readonly<Record<string, string>> = {
  compare: 'is the compare block itself',
  objective: 'is set per entry: list the objectives in compare.objectives',
  seed: 'is set per run: list the seeds in compare.seeds',
};

/** Sections an objective without a critic ignores: a setting there has no effect on it. */
const CRITIC_ONLY = ['critic.', 'training.schedule.', 'training.optimizers.critic.'];

/**
 * The sections an objective fills with its own defaults when the file leaves them out:
 * sweeping a path inside one starts from the objective's values (WGAN's clipping, its
 * n_critic, its RMSProp), not from an empty section.
 */
const DEFAULTED: readonly { readonly prefix: string; readonly from: (c: ResolvedConfig) => unknown }[] = [
  { prefix: 'critic.constraints', from: (c) => c.critic?.constraints },
  { prefix: 'training.schedule', from: (c) => c.training.schedule },
  { prefix: 'training.optimizers.critic', from: (c) => c.training.optimizers.critic },
  { prefix: 'training.optimizers.generator', from: (c) => c.training.optimizers.generator },
];

function getPath(raw: unknown, path: string): unknown {
  let node = raw;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * One run's config at one sweep setting: each swept path set in the raw config (after
 * filling a defaulted section from `plain`, the same entry resolved without the setting),
 * then resolved. Paths under `critic.`, `training.schedule.` and `training.optimizers.critic.`
 * are left out for an objective without a critic (plain.critic is null): they set nothing it
 * uses. Returns the config and the values applied. Any problem is one ConfigError naming the
 * setting's field and path, e.g.
 * `compare.sweep.grid.critic.constraints.0.options.clip = -1: critic.constraints.0.options.clip: expected a positive number, got -1`.
 */
export function withSweepSetting(
  raw: Record<string, unknown>,
  plain: ResolvedConfig,
  setting: SweepSetting,
  plugins: readonly IpmPlugin[],
): { readonly config: ResolvedConfig; readonly applied: Readonly<Record<string, unknown>> } {
  let config: Record<string, unknown> = raw;
  const applied: string[] = [];
  for (const [path, value] of Object.entries(setting.values)) {
    const root = path.split('.')[0] ?? path;
    const why = NOT_SWEPT[root];
    if (why !== undefined) throw new ConfigError(`${setting.field}.${path}: cannot be swept; ${root} ${why}`);
    if (plain.critic === null && CRITIC_ONLY.some((prefix) => path.startsWith(prefix))) continue;
    for (const { prefix, from } of DEFAULTED)
      if (path.startsWith(`${prefix}.`) && getPath(config, prefix) === undefined)
        config = setConfigPath(config, prefix, from(plain));
    config = setConfigPath(config, path, value);
    applied.push(path);
  }
  try {
    const values = Object.fromEntries(applied.map((p) => [p, setting.values[p]]));
    return { config: resolveConfig(config, plugins), applied: values };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const field = error.message.slice(0, Math.max(0, error.message.indexOf(':')));
    const path =
      applied.find((p) => p === field || p.startsWith(`${field}.`) || field.startsWith(`${p}.`)) ?? applied[0] ?? '';
    throw new ConfigError(`${setting.field}.${path} = ${JSON.stringify(setting.values[path])}: ${error.message}`);
  }
}
