import { describeKernels, type ResolvedRef } from '@ipmgan/core/engine';
import type { RunData } from './RunData.js';

function network(ref: ResolvedRef): string {
  const { hidden, activation } = ref.options;
  const parts = [ref.name];
  if (Array.isArray(hidden)) parts.push(`[${hidden.join(', ')}]`);
  if (typeof activation === 'string') parts.push(activation);
  return parts.join(' ');
}

function options(ref: ResolvedRef): string {
  const entries = Object.entries(ref.options).filter(([, v]) => ['number', 'string', 'boolean'].includes(typeof v));
  return entries.length === 0 ? ref.name : `${ref.name} (${entries.map(([k, v]) => `${k} ${String(v)}`).join(', ')})`;
}

function show(value: unknown): string {
  return value === undefined ? 'unset' : JSON.stringify(value);
}

/** `from iteration 11: training.optimizers.critic.lr 0.0001 → 0.00001`, one entry per amendment. */
function amendments(run: RunData): string {
  return run.amendments
    .map(
      (a) =>
        `from iteration ${String(a.fromIteration)}: ${a.changes.map((c) => `${c.path} ${show(c.from)} → ${show(c.to)}`).join(', ')}`,
    )
    .join('; ');
}

/** The config summary of one run as [field, value] pairs for the report's config table. */
export function describeRun(run: RunData): [string, string][] {
  const { config } = run;
  const critic = config.critic;
  const { schedule } = config.training;
  return [
    ['objective', `${config.objective.name} (${config.objective.package} ${config.objective.version})`],
    ['estimate', `${config.objective.estimate.name}: ${config.objective.estimate.meaning}`],
    ['data', options(config.data)],
    [
      'generator',
      `${network(config.generator.network)}, noise ${config.generator.noise.distribution} ${config.generator.noise.dimension}-d`,
    ],
    [
      'critic',
      critic === null
        ? 'none'
        : `${critic.form} ${network(critic.network)}${critic.constraints.map((c) => `, ${options(c)}`).join('')}`,
    ],
    ['iterations', String(config.training.iterations)],
    ['batch', String(config.training.batchSize)],
    ['schedule', `${schedule.type}, n_critic ${schedule.nCritic}`],
    [
      'optimizers',
      `critic ${config.training.optimizers.critic.name} lr ${config.training.optimizers.critic.lr}, generator ${config.training.optimizers.generator.name} lr ${config.training.optimizers.generator.lr}`,
    ],
    ['seed', String(run.seed)],
    ['backend', config.backend],
    // Recorded since native kernels exist; same seed + same kernel set = the same numbers.
    ...(config.kernels ? [['kernels', describeKernels(config.kernels)] as [string, string]] : []),
    ['directory', run.directory],
    // Only for a run resumed with --set: the rows above show the config in effect at its end.
    ...(run.amendments.length > 0 ? [['amendments', amendments(run)] as [string, string]] : []),
  ];
}
