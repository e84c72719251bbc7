import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { amendConfig } from '../config/amendConfig.js';
import { ConfigError } from '../config/ConfigError.js';
import { formatIssue } from '../config/formatIssue.js';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import { ResolvedConfigSchema } from '../config/ResolvedConfigSchema.js';
import type { MetricsRecord } from './MetricsRecord.js';
import type { RunAmendment } from './RunAmendment.js';
import { writeFileAtomic } from './writeFileAtomic.js';

const CHECKPOINT_NAME = /^iter-(\d{7})$/;
const SAMPLE_FILE = /^iter-(\d{7})\.(csv|npy)$/;
/** What writeFileAtomic and saveCheckpoint leave behind when killed: `<name>.tmp-<pid>`. */
const TEMPORARY = /\.tmp-(\d+)$/;

const LatestSchema = z.looseObject({
  iteration: z.number().int().nonnegative(),
  name: z.string().regex(CHECKPOINT_NAME, 'a checkpoint name iter-NNNNNNN inside checkpoints/'),
});

const MetricsRecordSchema = z.looseObject({
  iteration: z.number().int().positive(),
  criticLoss: z.number().nullable(),
  generatorLoss: z.number(),
  estimateName: z.string(),
  estimate: z.number(),
  elapsedSeconds: z.number(),
  evaluation: z.record(z.string(), z.number()).optional(),
});

const AmendmentsSchema = z.strictObject({
  amendments: z.array(
    z.strictObject({
      fromIteration: z.number().int().positive(),
      changes: z.array(z.strictObject({ path: z.string().min(1), from: z.unknown().optional(), to: z.unknown() })).min(1),
    }),
  ),
});

/** A sample file a run wrote: samples/iter-NNNNNNN.csv or .npy. */
export interface RunSampleFile {
  readonly iteration: number;
  readonly path: string;
  readonly format: 'csv' | 'npy';
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Parses a JSON file of the run, naming it and the reason on failure. */
function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new ConfigError(`${path}: ${first ? formatIssue(first) : 'invalid'}`);
}

/**
 * The one owner of a run directory's layout: config.resolved.json, amendments.json (changes
 * made on resume), metrics.jsonl, checkpoints/ (iter-NNNNNNN/ folders and latest.json) and samples/. Everything is written
 * atomically and every file is validated when read, with errors that name the file.
 */
export class RunDirectory {
  constructor(readonly path: string) {}

  /** A new directory `<dir>/<name>-<timestamp>`, created. */
  static create(parent: string, name: string, now = new Date()): RunDirectory {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    let path = join(parent, `${name}-${stamp}`);
    for (let i = 2; existsSync(path); i++) path = join(parent, `${name}-${stamp}-${String(i)}`);
    try {
      mkdirSync(path, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ConfigError(`run.dir: cannot create a run directory in ${parent} (${code})`);
    }
    return new RunDirectory(path);
  }

  /**
   * An existing run directory, named by `flag` in errors (`--resume`, `eval`). With `clean`
   * (a run about to continue) the temporary files of writers that died are removed.
   */
  static open(path: string, flag: string, options: { readonly clean?: boolean } = {}): RunDirectory {
    const directory = new RunDirectory(path);
    if (!existsSync(directory.configPath))
      throw new ConfigError(`${flag}: not a run directory (no config.resolved.json in ${path})`);
    if (options.clean === true) directory.cleanTemporaries();
    return directory;
  }

  get configPath(): string {
    return join(this.path, 'config.resolved.json');
  }

  get amendmentsPath(): string {
    return join(this.path, 'amendments.json');
  }

  get metricsPath(): string {
    return join(this.path, 'metrics.jsonl');
  }

  get checkpointsPath(): string {
    return join(this.path, 'checkpoints');
  }

  get latestPath(): string {
    return join(this.checkpointsPath, 'latest.json');
  }

  get samplesPath(): string {
    return join(this.path, 'samples');
  }

  /** checkpoints/iter-NNNNNNN */
  checkpointPath(iteration: number): string {
    return join(this.checkpointsPath, `iter-${String(iteration).padStart(7, '0')}`);
  }

  writeConfig(config: ResolvedConfig): void {
    mkdirSync(this.path, { recursive: true });
    writeFileAtomic(this.configPath, `${JSON.stringify(config, null, 2)}\n`);
  }

  /**
   * The config the run trains with now: config.resolved.json, validated against the
   * resolved-config schema, with amendments.json's changes applied in order (validated again).
   */
  readConfig(): ResolvedConfig {
    const saved = validate(ResolvedConfigSchema, readJson(this.configPath), this.configPath);
    const amendments = this.readAmendments();
    if (amendments.length === 0) return saved;
    return amendConfig(
      saved,
      amendments.flatMap((a) => a.changes),
      this.amendmentsPath,
    );
  }

  /** amendments.json's entries in the order they were made; none when the file is absent. */
  readAmendments(): RunAmendment[] {
    if (!existsSync(this.amendmentsPath)) return [];
    return validate(AmendmentsSchema, readJson(this.amendmentsPath), this.amendmentsPath).amendments;
  }

  /** Appends an amendment to amendments.json, replacing the file atomically. */
  addAmendment(amendment: RunAmendment): void {
    const amendments = [...this.readAmendments(), amendment];
    writeFileAtomic(this.amendmentsPath, `${JSON.stringify({ amendments }, null, 2)}\n`);
  }

  appendMetrics(record: MetricsRecord): void {
    appendFileSync(this.metricsPath, `${JSON.stringify(record)}\n`);
  }

  /** metrics.jsonl's complete lines with their records; a torn last line (a writer killed mid-append) is skipped. */
  #metricsLines(): { readonly line: string; readonly record: MetricsRecord }[] {
    if (!existsSync(this.metricsPath)) return [];
    const lines = readFileSync(this.metricsPath, 'utf8').split('\n').slice(0, -1);
    return lines.flatMap((line, index) => {
      if (line.trim() === '') return [];
      const where = `${this.metricsPath}:${String(index + 1)}`;
      let value: unknown;
      try {
        value = JSON.parse(line) as unknown;
      } catch (error) {
        throw new ConfigError(`${where}: not a JSON line (${(error as Error).message})`);
      }
      return [{ line, record: validate(MetricsRecordSchema, value, where) }];
    });
  }

  /** metrics.jsonl, each line validated. */
  readMetrics(): MetricsRecord[] {
    return this.#metricsLines().map((m) => m.record);
  }

  /** Drops metrics past `iteration` (the lines kept byte for byte), so a resumed run continues the file exactly. */
  truncateMetrics(iteration: number): void {
    if (!existsSync(this.metricsPath)) return;
    const kept = this.#metricsLines().filter((m) => m.record.iteration <= iteration);
    writeFileAtomic(this.metricsPath, kept.map((m) => `${m.line}\n`).join(''));
  }

  /** The checkpoint latest.json names, or null when there is none; its name must stay inside checkpoints/. */
  latestCheckpoint(): { readonly iteration: number; readonly path: string } | null {
    if (!existsSync(this.latestPath)) return null;
    const latest = validate(LatestSchema, readJson(this.latestPath), this.latestPath);
    if (Number(latest.name.slice(5)) !== latest.iteration)
      throw new ConfigError(
        `${this.latestPath}: name ${latest.name} does not match iteration ${String(latest.iteration)}`,
      );
    return { iteration: latest.iteration, path: join(this.checkpointsPath, latest.name) };
  }

  /** Replaces latest.json atomically. */
  writeLatest(iteration: number): void {
    const name = `iter-${String(iteration).padStart(7, '0')}`;
    writeFileAtomic(this.latestPath, `${JSON.stringify({ iteration, name })}\n`);
  }

  /** Iterations of the complete checkpoints (folders with a manifest), ascending. */
  savedCheckpoints(): number[] {
    if (!existsSync(this.checkpointsPath)) return [];
    return readdirSync(this.checkpointsPath)
      .flatMap((n) => {
        const match = CHECKPOINT_NAME.exec(n);
        return match && existsSync(join(this.checkpointsPath, n, 'manifest.json')) ? [Number(match[1])] : [];
      })
      .sort((a, b) => a - b);
  }

  /** The sample files, by iteration. */
  sampleFiles(): RunSampleFile[] {
    if (!existsSync(this.samplesPath)) return [];
    return readdirSync(this.samplesPath)
      .flatMap((name) => {
        const match = SAMPLE_FILE.exec(name);
        if (!match) return [];
        const format: 'csv' | 'npy' = match[2] === 'npy' ? 'npy' : 'csv';
        return [{ iteration: Number(match[1]), path: join(this.samplesPath, name), format }];
      })
      .sort((a, b) => a.iteration - b.iteration);
  }

  /**
   * Removes what a run wrote before its first checkpoint (metrics.jsonl, samples/, checkpoints/),
   * keeping config.resolved.json: a run killed that early starts again from iteration 0.
   */
  discardProgress(): void {
    for (const path of [this.metricsPath, this.samplesPath, this.checkpointsPath])
      rmSync(path, { recursive: true, force: true });
  }

  /**
   * Removes `*.tmp-<pid>` files and folders (torn checkpoints, half-written latest.json or
   * config) left by processes that are gone; a live writer's are kept. Returns what went.
   */
  cleanTemporaries(): string[] {
    const removed: string[] = [];
    for (const folder of [this.path, this.checkpointsPath, this.samplesPath]) {
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) {
        const match = TEMPORARY.exec(name);
        if (!match || processAlive(Number(match[1]))) continue;
        rmSync(join(folder, name), { recursive: true, force: true });
        removed.push(join(folder, name));
      }
    }
    return removed;
  }
}
