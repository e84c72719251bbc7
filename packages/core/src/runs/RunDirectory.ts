import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { z } from 'zod';
import { amendConfig } from '../config/amendConfig.js';
import { ConfigError } from '../config/ConfigError.js';
import { formatIssue } from '../config/formatIssue.js';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import { ResolvedConfigSchema } from '../config/ResolvedConfigSchema.js';
import type { MetricsRecord } from './MetricsRecord.js';
import type { RunAmendment } from './RunAmendment.js';
import { stampedPath } from './stampedPath.js';
import { RunLock } from './RunLock.js';
import { temporaryName } from './temporaryName.js';
import { writeFileAtomic } from './writeFileAtomic.js';

const CHECKPOINT_NAME = /^iter-(\d{7})$/;
const SAMPLE_FILE = /^iter-(\d{7})\.(csv|npy)$/;

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

/** A file of a run to write: its name inside a folder of the run, and its bytes. */
export interface RunFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

/** A write into the run that failed (disk full, permissions), named by file: a failure while running, exit 1. */
function writeFailed(path: string, error: unknown, after: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOSPC' ? 'ENOSPC: the disk is full' : (code ?? (error as Error).message);
  return new Error(`${path}: cannot be written (${reason}); ${after}`);
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
 * made on resume), metrics.jsonl, checkpoints/ (iter-NNNNNNN/ folders and latest.json),
 * samples/ and the writer's lock, .ipmgan.lock. Everything is written atomically, every file
 * is validated when read, with errors that name the file, and no path of the layout may
 * lead out of the folder through a symbolic link. One process writes a run at a time: it
 * holds the run's lock (RunLock) from beginWriting() (or create()) to close() or its exit.
 */
export class RunDirectory {
  #lock: RunLock | null = null;

  constructor(readonly path: string) {}

  /** A new directory `<dir>/<name>-<timestamp>`, created and locked for writing. */
  static create(parent: string, name: string, now = new Date()): RunDirectory {
    const path = stampedPath(parent, name, now);
    try {
      mkdirSync(path, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ConfigError(`run.dir: cannot create a run directory in ${parent} (${code})`);
    }
    const directory = new RunDirectory(path);
    directory.#lock = RunLock.acquire(path, 'run.dir');
    return directory;
  }

  /**
   * An existing run directory, named by `flag` in errors (`--resume`, `eval`), opened to
   * read: nothing in it changes. Every entry of the layout that exists must resolve inside
   * the folder. A caller that goes on to write calls beginWriting() once it has read and
   * checked what it needs.
   */
  static open(path: string, flag: string): RunDirectory {
    const directory = new RunDirectory(path);
    if (!existsSync(directory.configPath))
      throw new ConfigError(`${flag}: not a run directory (no config.resolved.json in ${path})`);
    directory.refuseEscapes(flag);
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

  get lockPath(): string {
    return RunLock.fileIn(this.path);
  }

  /** checkpoints/iter-NNNNNNN */
  checkpointPath(iteration: number): string {
    return join(this.checkpointsPath, `iter-${String(iteration).padStart(7, '0')}`);
  }

  /**
   * Throws when an entry of the layout (the run's files, checkpoints/, samples/, the
   * checkpoint folders and their files) is a symbolic link that leaves the run folder or
   * leads nowhere: reads and writes through it would touch files the run does not own.
   */
  refuseEscapes(flag: string): void {
    const root = realpathSync(this.path);
    const inside = (real: string): boolean => real === root || real.startsWith(root + sep);
    const check = (path: string): void => {
      let link: boolean;
      try {
        link = lstatSync(path).isSymbolicLink();
      } catch {
        return;
      }
      let real: string | null;
      try {
        real = realpathSync(path);
      } catch {
        real = null;
      }
      if (real !== null && inside(real)) return;
      const target = link ? readlinkSync(path) : String(real);
      throw new ConfigError(
        `${flag}: ${path} is a symbolic link to ${real ?? `${target} (missing)`}, outside the run directory; a run is read and written only inside its own folder`,
      );
    };
    for (const path of [this.configPath, this.amendmentsPath, this.metricsPath, this.lockPath]) check(path);
    for (const folder of [this.checkpointsPath, this.samplesPath]) {
      check(folder);
      if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
      for (const name of readdirSync(folder)) {
        const entry = join(folder, name);
        check(entry);
        if (folder === this.checkpointsPath && CHECKPOINT_NAME.test(name) && statSync(entry).isDirectory())
          for (const file of readdirSync(entry)) check(join(entry, file));
      }
    }
  }

  /**
   * Takes the run's lock for this process (refused with one line naming the holder while
   * another process writes the run), then removes the temporaries of the writer whose stale
   * lock it took over: only names carrying that writer's pid and token. Call it once the run
   * has been read and checked, before its first write; close() gives the lock back.
   */
  beginWriting(flag: string): void {
    if (this.#lock) return;
    this.refuseEscapes(flag);
    const lock = RunLock.acquire(this.path, flag);
    this.#lock = lock;
    if (lock.stale) this.removeTemporaries(lock.stale);
  }

  /** Throws, naming the holder, when another live process is writing the run; changes nothing. */
  refuseIfBusy(flag: string): void {
    RunLock.refuseIfHeld(this.path, flag);
  }

  /** Gives the lock back, if this object holds it. */
  close(): void {
    this.#lock?.release();
    this.#lock = null;
  }

  /**
   * Removes the temporary files and folders (`<name>.tmp-<pid>-<token>`: torn checkpoints,
   * half-written latest.json, metrics or samples) of the writer `holder`, which is gone.
   * Returns what went; anything else, whatever its name, stays.
   */
  removeTemporaries(holder: { readonly pid: number; readonly token: string }): string[] {
    const suffix = `.tmp-${String(holder.pid)}-${holder.token}`;
    const removed: string[] = [];
    for (const folder of [this.path, this.checkpointsPath, this.samplesPath]) {
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) {
        if (!name.endsWith(suffix)) continue;
        rmSync(join(folder, name), { recursive: true, force: true });
        removed.push(join(folder, name));
      }
    }
    return removed;
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

  /** Appends one line; a write that fails part way (disk full) is cut back off, so no torn line stays. */
  appendMetrics(record: MetricsRecord): void {
    const size = existsSync(this.metricsPath) ? statSync(this.metricsPath).size : 0;
    try {
      appendFileSync(this.metricsPath, `${JSON.stringify(record)}\n`);
    } catch (error) {
      try {
        truncateSync(this.metricsPath, size);
      } catch {
        // Nothing was written, or the file cannot be reached at all: resume cuts a torn line anyway.
      }
      throw writeFailed(this.metricsPath, error, `the line of iteration ${String(record.iteration)} was not logged`);
    }
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

  /**
   * Drops metrics past `iteration` and a torn last line (the lines kept byte for byte), so a
   * resumed run continues the file exactly, with one line per iteration.
   */
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

  /**
   * Saves checkpoint `iteration` (its files, e.g. tensors.bin and manifest.json): written into
   * a temporary folder, renamed to checkpoints/iter-NNNNNNN, then latest.json replaced. A write
   * that fails (disk full) removes the temporary folder, names the file and leaves latest.json
   * naming the previous checkpoint. Returns the checkpoint's folder.
   */
  writeCheckpoint(iteration: number, files: readonly RunFile[]): string {
    const final = this.checkpointPath(iteration);
    const temp = temporaryName(final);
    const previous = existsSync(this.latestPath) ? `latest.json still names ${this.#latestName()}` : 'there is none';
    let current = this.checkpointsPath;
    try {
      mkdirSync(this.checkpointsPath, { recursive: true });
      rmSync(temp, { recursive: true, force: true });
      current = final;
      mkdirSync(temp);
      for (const file of files) {
        // Named as the file will be: the temporary folder is gone when the error is read.
        current = join(final, file.name);
        writeFileSync(join(temp, file.name), file.data);
      }
      current = final;
      rmSync(final, { recursive: true, force: true });
      renameSync(temp, final);
      current = this.latestPath;
      this.writeLatest(iteration);
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      throw writeFailed(current, error, `the checkpoint of iteration ${String(iteration)} was not saved; ${previous}`);
    }
    return final;
  }

  #latestName(): string {
    try {
      return this.latestCheckpoint()?.path ?? 'none';
    } catch {
      return 'an unreadable checkpoint';
    }
  }

  /** Writes samples/<name> atomically; a failed write names the file and leaves no temporary. */
  writeSample(name: string, data: string | Uint8Array): void {
    const path = join(this.samplesPath, name);
    try {
      mkdirSync(this.samplesPath, { recursive: true });
      writeFileAtomic(path, data);
    } catch (error) {
      throw writeFailed(path, error, 'the samples were not saved');
    }
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

  /** Whether checkpoints/ holds any checkpoint folder or latest.json: the run has progress to resume, not to discard. */
  hasCheckpoints(): boolean {
    if (!existsSync(this.checkpointsPath)) return false;
    return readdirSync(this.checkpointsPath).some((n) => n === 'latest.json' || CHECKPOINT_NAME.test(n));
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
   * Removes what a run wrote before its first checkpoint, so that it starts again from
   * iteration 0: metrics.jsonl and its own sample files (samples/iter-NNNNNNN.csv|npy); any
   * other file, in samples/ or elsewhere, stays, and config.resolved.json is kept. Refused
   * when the run has a checkpoint: that is progress to resume (or a damaged run to refuse),
   * never to delete.
   */
  discardProgress(flag: string): void {
    if (this.hasCheckpoints())
      throw new ConfigError(
        `${flag}: ${this.path} has checkpoints; its progress is resumed from checkpoints/latest.json, never discarded`,
      );
    rmSync(this.metricsPath, { force: true });
    for (const file of this.sampleFiles()) rmSync(file.path, { force: true });
  }
}
