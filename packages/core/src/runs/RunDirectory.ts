import { existsSync, mkdirSync, readFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { MetricsRecord } from './MetricsRecord.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** Where a run writes: config.resolved.json, metrics.jsonl, checkpoints/, samples/. */
export class RunDirectory {
  constructor(readonly path: string) {}

  /** A new directory `<dir>/<name>-<timestamp>`, created. */
  static create(parent: string, name: string, now = new Date()): RunDirectory {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    let path = join(parent, `${name}-${stamp}`);
    for (let i = 2; existsSync(path); i++) path = join(parent, `${name}-${stamp}-${String(i)}`);
    mkdirSync(path, { recursive: true });
    return new RunDirectory(path);
  }

  get configPath(): string {
    return join(this.path, 'config.resolved.json');
  }

  get metricsPath(): string {
    return join(this.path, 'metrics.jsonl');
  }

  get checkpointsPath(): string {
    return join(this.path, 'checkpoints');
  }

  get samplesPath(): string {
    return join(this.path, 'samples');
  }

  writeConfig(config: ResolvedConfig): void {
    mkdirSync(this.path, { recursive: true });
    writeFileAtomic(this.configPath, `${JSON.stringify(config, null, 2)}\n`);
  }

  readConfig(): unknown {
    return JSON.parse(readFileSync(this.configPath, 'utf8')) as unknown;
  }

  appendMetrics(record: MetricsRecord): void {
    appendFileSync(this.metricsPath, `${JSON.stringify(record)}\n`);
  }

  readMetrics(): MetricsRecord[] {
    if (!existsSync(this.metricsPath)) return [];
    return readFileSync(this.metricsPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as MetricsRecord);
  }

  /** Drops metrics past `iteration`, so a resumed run continues the file exactly. */
  truncateMetrics(iteration: number): void {
    if (!existsSync(this.metricsPath)) return;
    // Only complete lines: a process killed inside appendFileSync can leave a torn last line.
    const lines = readFileSync(this.metricsPath, 'utf8').split('\n').slice(0, -1);
    const kept = lines.filter((line) => (JSON.parse(line) as MetricsRecord).iteration <= iteration);
    writeFileAtomic(this.metricsPath, kept.map((line) => `${line}\n`).join(''));
  }
}
