import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { ConfigError } from '@ipmgan/core';
import { experiments } from '@ipmgan/experiments';

export interface ReproduceOptions {
  readonly out?: string;
  readonly workers?: number;
  readonly config?: string;
}

/** Short names: `e3` runs both mixtures, `all` everything in order. */
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  e1: ['e1-parallel-lines'],
  e2: ['e2-optimal-critic'],
  e3: ['e3-ring', 'e3-grid'],
  e4: ['e4-meaningful-loss'],
  e6: ['e6-clipping'],
  e7: ['e7-critic-iterations'],
  e8: ['e8-momentum'],
  e10: ['e10-clipped-gan'],
  all: [
    'e1-parallel-lines',
    'e2-optimal-critic',
    'e3-ring',
    'e3-grid',
    'e4-meaningful-loss',
    'e6-clipping',
    'e7-critic-iterations',
    'e8-momentum',
    'e10-clipped-gan',
  ],
};

function expand(names: readonly string[]): string[] {
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
 * `ipmgan reproduce <name...>`: runs the paper's experiments (experiments/*.yaml), each
 * writing report.md, report.html, figures and results.json into `<out>/<name>/`, and prints
 * which of the paper's claims held.
 */
export async function reproduce(names: readonly string[], options: ReproduceOptions, cwd: string): Promise<void> {
  const selected = expand(names);
  if (options.config !== undefined && selected.length !== 1)
    throw new ConfigError('--config: names the config of one experiment; give exactly one experiment name');
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
      const config = options.config !== undefined ? resolve(cwd, options.config) : entry.defaultConfig;
      const dir = resolve(out, name);
      process.stderr.write(`ipmgan: ${name}: ${entry.description}\n`);
      const outcome = await entry.run(config, dir, {
        log: (line) => process.stderr.write(`  ${line}\n`),
        workers,
        signal: controller.signal,
      });
      const held = outcome.claims.filter((c) => c.held).length;
      failed += outcome.claims.length - held;
      process.stdout.write(
        `${name}: ${String(held)} of ${String(outcome.claims.length)} claims held (${outcome.seconds.toFixed(0)} s); report ${resolve(dir, 'report.html')}\n`,
      );
      for (const claim of outcome.claims)
        process.stdout.write(`  ${claim.held ? 'held    ' : 'NOT HELD'} ${claim.id}: ${claim.measured}\n`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.stdout.write(
    `reports in ${out}${failed > 0 ? ` (${String(failed)} claims did not hold: see each report)` : ''}\n`,
  );
}
