import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corePlugin, encodeNpy, resolveConfig, type MetricsRecord } from '@ipmgan/core/engine';
import { ipmganPlugin as wganPlugin } from '@ipmgan/critic-wgan';
import { ipmganPlugin as mmdPlugin } from '@ipmgan/mmd';

const plugins = [corePlugin, wganPlugin, mmdPlugin];

/** What a fixture run holds: every number is chosen so the report's values can be derived by hand. */
export interface FixtureRun {
  readonly objective: 'wgan' | 'mmd';
  readonly seed: number;
  readonly data?: 'ring8' | 'mnist';
  /** Estimates logged at iterations 10, 20, ...; elapsedSeconds = 1 + iteration * msPerIteration / 1000. */
  readonly estimates: readonly number[];
  readonly msPerIteration: number;
  /** Evaluation records by iteration. */
  readonly evaluations?: Readonly<Record<number, Readonly<Record<string, number>>>>;
  /** 2-D points (CSV) or image count (.npy [n, 28, 28, 1]) per sample iteration. */
  readonly samples?: Readonly<Record<number, readonly (readonly [number, number])[] | number>>;
}

/** Writes a run directory like `ipmgan train` does (a real resolved config, metrics.jsonl, samples/) in a temp folder. */
export function writeFixtureRun(fixture: FixtureRun): string {
  const directory = mkdtempSync(join(tmpdir(), `ipmgan-report-${fixture.objective}-`));
  const config = resolveConfig(
    {
      name: `fixture-${fixture.objective}`,
      seed: fixture.seed,
      objective: { name: fixture.objective },
      data: { name: fixture.data ?? 'ring8' },
      training: { iterations: 10 * fixture.estimates.length, batchSize: 16 },
      generator: { network: { name: 'mlp', options: { hidden: [8] } } },
      critic: { network: { name: 'mlp', options: { hidden: [8] } } },
    },
    plugins,
  );
  writeFileSync(join(directory, 'config.resolved.json'), JSON.stringify(config, null, 2));
  const records: MetricsRecord[] = fixture.estimates.map((estimate, i) => {
    const iteration = 10 * (i + 1);
    const evaluation = fixture.evaluations?.[iteration];
    return {
      iteration,
      criticLoss: config.objective.usesCritic ? -estimate : null,
      generatorLoss: estimate / 2,
      estimateName: config.objective.estimate.name,
      estimate,
      elapsedSeconds: 1 + (iteration * fixture.msPerIteration) / 1000,
      ...(evaluation ? { evaluation } : {}),
    };
  });
  writeFileSync(join(directory, 'metrics.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  mkdirSync(join(directory, 'samples'));
  for (const [iteration, samples] of Object.entries(fixture.samples ?? {})) {
    const name = `iter-${iteration.padStart(7, '0')}`;
    if (typeof samples === 'number') {
      // Image k is a horizontal gradient, brighter with k, in tanh range [-1, 1].
      const data = new Float32Array(samples * 28 * 28);
      data.forEach((_, j) => (data[j] = (((j % 28) / 27) * (1 + Math.floor(j / 784))) / samples - 0.5));
      writeFileSync(join(directory, 'samples', `${name}.npy`), encodeNpy(data, [samples, 28, 28, 1]));
    } else {
      writeFileSync(join(directory, 'samples', `${name}.csv`), samples.map(([x, y]) => `${x},${y}\n`).join(''));
    }
  }
  return directory;
}
