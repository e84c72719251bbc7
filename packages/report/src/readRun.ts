import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MetricsRecord, ResolvedConfig } from '@ipmgan/core';
import type { RunData, SampleFile } from './RunData.js';

const SAMPLE_FILE = /^iter-(\d+)\.(csv|npy)$/;

function readMetrics(path: string): MetricsRecord[] {
  if (!existsSync(path)) return [];
  const records: MetricsRecord[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        records.push(JSON.parse(line) as MetricsRecord);
      } catch {
        throw new Error(`${path}:${index + 1}: not a JSON line`);
      }
    });
  return records;
}

/**
 * Reads config.resolved.json, metrics.jsonl and the list of sample files of a run directory.
 * `label` defaults to the objective id and `seed` to the config's seed.
 */
export function readRun(directory: string, label?: string, seed?: number): RunData {
  const root = resolve(directory);
  const configPath = join(root, 'config.resolved.json');
  if (!existsSync(configPath)) throw new Error(`${root} is not a run directory: it has no config.resolved.json`);
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as ResolvedConfig;
  const samplesDirectory = join(root, 'samples');
  const samples: SampleFile[] = existsSync(samplesDirectory)
    ? readdirSync(samplesDirectory).flatMap((name) => {
        const match = SAMPLE_FILE.exec(name);
        if (!match) return [];
        return [
          {
            iteration: Number(match[1]),
            path: join(samplesDirectory, name),
            format: match[2] === 'npy' ? ('npy' as const) : ('csv' as const),
          },
        ];
      })
    : [];
  samples.sort((a, b) => a.iteration - b.iteration);
  return {
    label: label ?? config.objective.name,
    seed: seed ?? config.seed,
    directory: root,
    config,
    metrics: readMetrics(join(root, 'metrics.jsonl')),
    samples,
  };
}
