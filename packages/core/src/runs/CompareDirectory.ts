import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/ConfigError.js';
import { formatIssue } from '../config/formatIssue.js';
import { writeFileAtomic } from './writeFileAtomic.js';

const StatusSchema = z.strictObject({
  state: z.enum(['finished', 'stopped', 'diverged', 'failed']),
  iteration: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  message: z.string().optional(),
});

const CompareRecordSchema = z.looseObject({
  config: z.string(),
  /** Plugins are imported and relative data paths resolved from here. */
  baseDir: z.string().min(1),
  plotIterations: z.array(z.number().int().positive()).optional(),
  runs: z
    .array(
      z.strictObject({
        label: z.string().min(1),
        objective: z.string().min(1),
        settings: z.record(z.string(), z.unknown()),
        seed: z.number().int().nonnegative(),
        /** The run directory's name inside the compare directory. */
        directory: z.string().regex(/^[^/\\]+$/, 'a folder name inside the compare directory'),
        /** How the run last ended; absent while it has never ended (not started, or in flight when the parent died). */
        status: StatusSchema.optional(),
      }),
    )
    .min(1),
});

/** compare.json: the plan of a comparison and how each run last ended. */
export type CompareRecord = z.output<typeof CompareRecordSchema>;

/** How one run of a comparison last ended, as compare.json records it. */
export type CompareRunStatus = z.output<typeof StatusSchema>;

/**
 * The one owner of a compare directory's own file, compare.json (the runs' plan and their
 * states), beside RunDirectory, which owns each run's folder. Only the
 * compare process writes compare.json, atomically; it is validated when read.
 */
export class CompareDirectory {
  constructor(readonly path: string) {}

  get recordPath(): string {
    return join(this.path, 'compare.json');
  }

  /** An existing compare directory (`--resume DIR`), named by `flag` in errors. */
  static open(path: string, flag: string): CompareDirectory {
    const directory = new CompareDirectory(resolve(path));
    if (!existsSync(directory.recordPath))
      throw new ConfigError(`${flag}: not a compare directory (no compare.json in ${directory.path})`);
    return directory;
  }

  /** A run's folder. */
  runPath(name: string): string {
    return join(this.path, name);
  }

  read(): CompareRecord {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(this.recordPath, 'utf8')) as unknown;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new ConfigError(`${this.recordPath}: not valid JSON (${reason})`);
    }
    const result = CompareRecordSchema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    const first = result.error.issues[0];
    throw new ConfigError(`${this.recordPath}: ${first ? formatIssue(first) : 'invalid'}`);
  }

  write(record: CompareRecord): void {
    mkdirSync(this.path, { recursive: true });
    writeFileAtomic(this.recordPath, `${JSON.stringify(record, null, 2)}\n`);
  }

  /** Records how run `index` ended. */
  recordStatus(index: number, status: CompareRunStatus): void {
    const record = this.read();
    this.write({ ...record, runs: record.runs.map((r, i) => (i === index ? { ...r, status } : r)) });
  }
}
