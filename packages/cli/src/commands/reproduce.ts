import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { ConfigError } from '@ipmgan/core';
import { importPackage, stampedPath } from '@ipmgan/core/engine';
import type * as Experiments from '@ipmgan/experiments';
import { CliError } from '../CliError.js';
import { untilInterrupted } from '../untilInterrupted.js';
import { countOf } from '@ipmgan/report';

type Experiment = (typeof Experiments.experiments)[number];

export interface ReproduceOptions {
  readonly out?: string;
  readonly workers?: number;
  readonly config?: string;
  /** Each experiment's quick scale (its quickConfig) instead of its shipped config. */
  readonly quick?: boolean;
}

/** The experiments @ipmgan/experiments lists, or undefined where it is not installed. */
async function installedExperiments(cwd: string): Promise<readonly Experiment[] | undefined> {
  // Optional: the CLI does not depend on it, so that a project installs only the objectives it uses.
  const module = (await importPackage('@ipmgan/experiments', cwd, 'reproduce')) as typeof Experiments | undefined;
  return module?.experiments;
}

/**
 * The experiments' list for the command's help, read where the CLI starts; undefined (help
 * without the names) where @ipmgan/experiments is absent or does not import.
 */
export async function experimentsForHelp(cwd: string): Promise<readonly Experiment[] | undefined> {
  try {
    return await installedExperiments(cwd);
  } catch {
    // The command itself reports the import's error when it runs.
    return undefined;
  }
}

/** The command's help, from the list: "e1, e2, ..., e10 or all" and each key with what it runs. */
export function reproduceHelp(experiments: readonly Experiment[] | undefined): {
  readonly names: string;
  readonly argument: string;
} {
  if (!experiments) return { names: 'install @ipmgan/experiments to list them', argument: 'experiment names, or all' };
  const what = (e: Experiment): string =>
    e.variants.length > 1
      ? `${e.what}: ${e.variants.map((v) => (v.note === undefined ? v.name : `${v.name} (${v.note})`)).join(', ')}`
      : e.what;
  return {
    names: `${experiments.map((e) => e.key).join(', ')} or all`,
    argument: `${experiments.map((e) => `${e.key} (${what(e)})`).join(', ')}, all`,
  };
}

/** The variants `names` select, in the list's order within each name: a key runs its variants, `all` every one. */
function expand(experiments: readonly Experiment[], names: readonly string[]): Experiment['variants'][number][] {
  const variants = experiments.flatMap((e) => e.variants);
  const groups = new Map<string, readonly Experiment['variants'][number][]>([
    ...experiments.map((e): [string, Experiment['variants']] => [e.key, e.variants]),
    ['all', variants],
    ...variants.map((v): [string, Experiment['variants']] => [v.name, [v]]),
  ]);
  const known = [...experiments.map((e) => e.key), 'all', ...variants.map((v) => v.name)];
  return [
    ...new Set(
      names.flatMap((name) => {
        const group = groups.get(name);
        if (group) return group;
        throw new ConfigError(`experiment: unknown "${name}"; expected one of ${known.join(', ')}`);
      }),
    ),
  ];
}

/**
 * `ipmgan reproduce <name...>`: runs the paper's experiments (@ipmgan/experiments' configs/*.yaml), each
 * writing report.md, report.html, figures and results.json into `<out>/<name>/`, and prints
 * which of the paper's claims held.
 */
export async function reproduce(names: readonly string[], options: ReproduceOptions, cwd: string): Promise<void> {
  const experiments = await installedExperiments(cwd);
  if (experiments === undefined)
    throw new CliError(
      'reproduce: needs @ipmgan/experiments, which is not installed (npm install @ipmgan/experiments)',
    );
  const selected = expand(experiments, names);
  if (options.config !== undefined && selected.length !== 1)
    throw new ConfigError('--config: names the config of one experiment; give exactly one experiment name');
  if (options.config !== undefined && options.quick === true)
    throw new ConfigError('--quick: chooses the shipped quick configs; give it or --config, not both');
  const out = options.out !== undefined ? resolve(cwd, options.out) : stampedPath(resolve(cwd, 'runs'), 'reproduce');
  const workers = options.workers ?? availableParallelism();
  let failed = 0;
  const stoppedIn = await untilInterrupted('stopping after the current step', async (signal) => {
    // A call, not a property read: the signal flips while the experiments await.
    const stopped = (): boolean => signal.aborted;
    for (const entry of selected) {
      const { name } = entry;
      if (stopped()) return name;
      const config =
        options.config !== undefined
          ? resolve(cwd, options.config)
          : options.quick === true
            ? (entry.quickConfig ?? entry.defaultConfig)
            : entry.defaultConfig;
      const dir = resolve(out, name);
      process.stderr.write(`ipmgan: ${name}: ${entry.description}\n  config ${config}\n`);
      let outcome;
      try {
        outcome = await entry.run(config, dir, {
          log: (line) => process.stderr.write(`  ${line}\n`),
          workers,
          signal,
        });
      } catch (error) {
        // An experiment stopped by the signal ends the command; any other failure is its own.
        if (stopped()) return name;
        throw error;
      }
      const held = outcome.claims.filter((c) => c.held).length;
      failed += outcome.claims.length - held;
      process.stdout.write(
        `${name}: ${String(held)} of ${countOf(outcome.claims.length, 'claim')} held (${outcome.seconds.toFixed(0)} s); report ${resolve(dir, 'report.html')}\n`,
      );
      for (const claim of outcome.claims)
        process.stdout.write(`  ${claim.held ? 'held    ' : 'NOT HELD'} ${claim.id}: ${claim.measured}\n`);
    }
    return undefined;
  });
  if (stoppedIn !== undefined) {
    process.stderr.write(
      `ipmgan: stopped during ${stoppedIn}; its report was not written (a comparison experiment keeps its runs' checkpoints)\n`,
    );
    process.exitCode = 130;
    return;
  }
  process.stdout.write(
    `reports in ${out}${failed > 0 ? ` (${countOf(failed, 'claim')} did not hold: see each report)` : ''}\n`,
  );
}
