import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { ConfigError, importPackage } from '@ipmgan/core';
import type * as Experiments from '@ipmgan/experiments';
import { CliError } from '../CliError.js';
import { countOf } from '@ipmgan/report';

type Registry = typeof Experiments.experiments;

export interface ReproduceOptions {
  readonly out?: string;
  readonly workers?: number;
  readonly config?: string;
  /** Each experiment's quick scale (its quickConfig) instead of its shipped config. */
  readonly quick?: boolean;
}

/** Short names and what they run, in the paper's order: `e3` runs both mixtures. */
const EXPERIMENT_GROUPS: readonly { readonly name: string; readonly what: string; readonly runs: readonly string[] }[] =
  [
    { name: 'e1', what: 'parallel lines', runs: ['e1-parallel-lines'] },
    { name: 'e2', what: 'optimal critic', runs: ['e2-optimal-critic'] },
    { name: 'e3', what: 'mixtures: e3-ring, e3-grid', runs: ['e3-ring', 'e3-grid'] },
    { name: 'e4', what: 'meaningful loss', runs: ['e4-meaningful-loss'] },
    {
      name: 'e5',
      what: 'MNIST: e5-mnist (MLPs), e5-mnist-dcgan, e5-mnist-nobn',
      runs: ['e5-mnist', 'e5-mnist-dcgan', 'e5-mnist-nobn'],
    },
    { name: 'e6', what: 'clipping', runs: ['e6-clipping'] },
    { name: 'e7', what: 'critic iterations', runs: ['e7-critic-iterations'] },
    { name: 'e8', what: 'momentum', runs: ['e8-momentum'] },
    { name: 'e9', what: 'one critic to rank generators', runs: ['e9-rank-generators'] },
    { name: 'e10', what: 'clipped GAN', runs: ['e10-clipped-gan'] },
  ];

/** `all` runs every group in order. */
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(EXPERIMENT_GROUPS.map((g) => [g.name, g.runs])),
  all: EXPERIMENT_GROUPS.flatMap((g) => g.runs),
};

/** The command's help, from the groups: "e1, e2, ..., e10 or all" and each with what it runs. */
export const REPRODUCE_HELP = {
  names: `${EXPERIMENT_GROUPS.map((g) => g.name).join(', ')} or all`,
  argument: `${EXPERIMENT_GROUPS.map((g) => `${g.name} (${g.what})`).join(', ')}, all`,
} as const;

function expand(experiments: Registry, names: readonly string[]): string[] {
  const known = [...Object.keys(GROUPS), ...Object.keys(experiments)];
  return [
    ...new Set(
      names.flatMap((name) => {
        const group = GROUPS[name];
        if (group) return group;
        if (experiments[name]) return [name];
        throw new ConfigError(`experiment: unknown "${name}"; expected one of ${known.join(', ')}`);
      }),
    ),
  ];
}

function stamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * `ipmgan reproduce <name...>`: runs the paper's experiments (@ipmgan/experiments' configs/*.yaml), each
 * writing report.md, report.html, figures and results.json into `<out>/<name>/`, and prints
 * which of the paper's claims held.
 */
export async function reproduce(names: readonly string[], options: ReproduceOptions, cwd: string): Promise<void> {
  // Optional: the CLI does not depend on it, so that a project installs only the objectives it uses.
  const module = (await importPackage('@ipmgan/experiments', cwd, 'reproduce')) as typeof Experiments | undefined;
  if (module === undefined)
    throw new CliError(
      'reproduce: needs @ipmgan/experiments, which is not installed (npm install @ipmgan/experiments)',
    );
  const { experiments } = module;
  const selected = expand(experiments, names);
  if (options.config !== undefined && selected.length !== 1)
    throw new ConfigError('--config: names the config of one experiment; give exactly one experiment name');
  if (options.config !== undefined && options.quick === true)
    throw new ConfigError('--quick: chooses the shipped quick configs; give it or --config, not both');
  const out = resolve(cwd, options.out ?? `runs/reproduce-${stamp()}`);
  const workers = options.workers ?? availableParallelism();
  const controller = new AbortController();
  const onSignal = (): void => {
    process.stderr.write('\nipmgan: interrupted; stopping after the current step\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = 0;
  try {
    for (const name of selected) {
      if (controller.signal.aborted) break;
      const entry = experiments[name];
      if (!entry) continue;
      const config =
        options.config !== undefined
          ? resolve(cwd, options.config)
          : options.quick === true
            ? (entry.quickConfig ?? entry.defaultConfig)
            : entry.defaultConfig;
      const dir = resolve(out, name);
      process.stderr.write(`ipmgan: ${name}: ${entry.description}\n  config ${config}\n`);
      const outcome = await entry.run(config, dir, {
        log: (line) => process.stderr.write(`  ${line}\n`),
        workers,
        signal: controller.signal,
      });
      const held = outcome.claims.filter((c) => c.held).length;
      failed += outcome.claims.length - held;
      process.stdout.write(
        `${name}: ${String(held)} of ${countOf(outcome.claims.length, 'claim')} held (${outcome.seconds.toFixed(0)} s); report ${resolve(dir, 'report.html')}\n`,
      );
      for (const claim of outcome.claims)
        process.stdout.write(`  ${claim.held ? 'held    ' : 'NOT HELD'} ${claim.id}: ${claim.measured}\n`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.stdout.write(
    `reports in ${out}${failed > 0 ? ` (${countOf(failed, 'claim')} did not hold: see each report)` : ''}\n`,
  );
}
