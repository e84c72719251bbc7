import type { ConfigChange } from '../runs/RunAmendment.js';
import { ConfigError } from './ConfigError.js';
import { formatIssue } from './formatIssue.js';
import type { ResolvedConfig } from './ResolvedConfig.js';
import { ResolvedConfigSchema } from './ResolvedConfigSchema.js';
import { setConfigPath } from './setConfigPath.js';

/**
 * What a resumed run may change: how long it trains, the optimizers' hyperparameters (not
 * which optimizer: its slots are in the checkpoint), logging and evaluation. Everything else
 * (seed, data, networks, objective, constraints, batch size, schedule, backend, run.dir) is
 * what the checkpoint was trained with; changing it would make the checkpoint meaningless.
 */
const AMENDABLE = [
  /^training\.iterations$/,
  /^training\.optimizers\.(critic|generator)\.(lr|beta1|beta2|epsilon|decay|momentum)$/,
  /^run\.(logEvery|checkpointEvery|sampleEvery|sampleCount|evaluateEvery)$/,
  /^evaluation(\.(samples|projections|lipschitz|bandwidths(\.\d+)?))?$/,
];

const AMENDABLE_TEXT =
  'training.iterations, training.optimizers.<critic|generator>.<lr|beta1|beta2|epsilon|decay|momentum>, ' +
  'run.<logEvery|checkpointEvery|sampleEvery|sampleCount|evaluateEvery>, evaluation.*';

/** The value at a dotted path of a config, or undefined. */
export function configValueAt(config: unknown, path: string): unknown {
  let node: unknown = config;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * `config` with each change's `to` set at its path, validated against the resolved-config
 * schema. `where` names the source in errors (`--set`, amendments.json). A path outside the
 * amendable fields is refused with one line that names it and lists what may change.
 */
export function amendConfig(config: ResolvedConfig, changes: readonly ConfigChange[], where: string): ResolvedConfig {
  let amended: unknown = config;
  for (const { path, to } of changes) {
    if (!AMENDABLE.some((pattern) => pattern.test(path)))
      throw new ConfigError(
        `${where}: ${path} cannot change when a run is resumed (its checkpoint was trained with it); a resumed run may change ${AMENDABLE_TEXT}`,
      );
    amended = setConfigPath(amended, path, to);
  }
  const result = ResolvedConfigSchema.safeParse(amended, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new ConfigError(`${where}: ${first ? formatIssue(first) : 'invalid'}`);
}
