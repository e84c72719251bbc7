import { createHash } from 'node:crypto';
import { CompareProgress } from '../CompareProgress.js';
import { ConfigError } from '@ipmgan/core';
import { FlowProducer, Queue, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { PlannedRun } from '../PlannedRun.js';
import type { ReportJobData, ReportJobResult, RunJobData, RunJobResult } from './RunJob.js';

/** The BullMQ queue every compare's jobs go to; workers on every host take from it. */
const QUEUE = 'ipmgan-compare';

/**
 * A job is tried this many times in all when it fails outside its run (a child killed or out
 * of memory, the report's files not written); a run that fails or diverges is a result, not
 * retried, since a seeded run fails the same way again.
 */
const ATTEMPTS = 3;
/** The workers' backoff strategy (serveQueue): one lock period, then two, so a test's short lock waits little. */
const BACKOFF = { type: 'ipmgan' } as const;

/** The URL forms `--queue` takes: redis://[user:password@]host:port[/db]. */
function parseUrl(
  url: string,
  flag: string,
): { host: string; port: number; db: number; username?: string; password?: string } {
  const bad = new ConfigError(`${flag}: expected redis://HOST:PORT[/DB], got "${url}"`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw bad;
  }
  const db = parsed.pathname === '' || parsed.pathname === '/' ? 0 : Number(parsed.pathname.slice(1));
  const port = Number(parsed.port === '' ? '6379' : parsed.port);
  if (parsed.protocol !== 'redis:' || parsed.hostname === '' || !Number.isInteger(db) || db < 0 || parsed.search !== '')
    throw bad;
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
}

/**
 * The one owner of how ipmgan uses BullMQ on Redis: the queue's name, the deterministic job
 * ids (`<compare id>-<run name>`, `<compare id>-report`), the flow of a compare (a report job
 * whose children are its runs), the claim that maps a compare id to its directory, and the
 * job options. Connections retry forever (maxRetriesPerRequest null, as BullMQ's workers
 * require), so a Redis restart pauses the queue rather than failing it.
 */
export class CompareQueue {
  static readonly queueName = QUEUE;

  private constructor(
    readonly url: string,
    readonly connection: ConnectionOptions,
    readonly queue: Queue<RunJobData | ReportJobData>,
    readonly redis: Redis,
  ) {}

  /** Connects to `url` (given by `flag`), failing with one line when it is not a Redis URL or no Redis answers there. */
  static async open(url: string, flag: string): Promise<CompareQueue> {
    const options = parseUrl(url, flag);
    // One probe that does not retry: an unreachable queue is a line, not a hang.
    const probe = new Redis({
      ...options,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 5000,
    });
    // ioredis rejects connect() with "Connection is closed."; the socket's own error says why.
    let cause: NodeJS.ErrnoException | undefined;
    probe.on('error', (error: NodeJS.ErrnoException) => {
      cause ??= error;
    });
    try {
      await probe.connect();
      await probe.ping();
    } catch (error) {
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new Error(`${flag}: cannot reach Redis at ${url} (${reason})`, { cause: error });
    } finally {
      probe.disconnect();
    }
    const connection: ConnectionOptions = { ...options, maxRetriesPerRequest: null };
    const redis = new Redis({ ...options, maxRetriesPerRequest: null });
    redis.on('error', () => undefined);
    const queue = new Queue<RunJobData | ReportJobData>(QUEUE, { connection });
    queue.on('error', () => undefined);
    return new CompareQueue(url, connection, queue, redis);
  }

  /**
   * A compare's id: a hash of its plan (every run's name and resolved config, and the
   * project directory), so that the same compare enqueued twice is one compare.
   */
  static compareId(runs: readonly PlannedRun[], baseDir: string): string {
    const plan = JSON.stringify({ baseDir, runs: runs.map((r) => [CompareProgress.nameOf(r), r.config]) });
    return `c${createHash('sha256').update(plan).digest('hex').slice(0, 16)}`;
  }

  static runJobId(compareId: string, run: PlannedRun): string {
    return `${compareId}-${CompareProgress.nameOf(run)}`;
  }

  static reportJobId(compareId: string): string {
    return `${compareId}-report`;
  }

  /**
   * Claims `compareId` for `directory` (atomically: of two `compare --queue` of the same
   * plan one wins); returns the directory that already holds it, or null when this one does now.
   */
  async claim(compareId: string, directory: string): Promise<string | null> {
    const key = `ipmgan:compare:${compareId}`;
    const set = await this.redis.set(key, directory, 'NX');
    return set === 'OK' ? null : await this.redis.get(key);
  }

  /**
   * Adds the compare's flow: one job per run and the report job that waits for them. Job ids
   * are deterministic and BullMQ does not add a job whose id exists, so adding a flow again
   * (a second enqueue, an enqueue that died half way) adds only what is missing.
   */
  async addFlow(compareId: string, compare: string, runs: readonly PlannedRun[]): Promise<void> {
    const producer = new FlowProducer({ connection: this.connection });
    producer.on('error', () => undefined);
    try {
      await producer.add({
        name: 'report',
        queueName: QUEUE,
        data: { compare } satisfies ReportJobData,
        opts: {
          jobId: CompareQueue.reportJobId(compareId),
          attempts: ATTEMPTS,
          backoff: BACKOFF,
        },
        children: runs.map((run, index) => ({
          name: 'run',
          queueName: QUEUE,
          data: { compare, index, directory: run.directory } satisfies RunJobData,
          opts: {
            jobId: CompareQueue.runJobId(compareId, run),
            attempts: ATTEMPTS,
            backoff: BACKOFF,
            // A run job that fails past its attempts still lets the report job run, which reports it failed.
            ignoreDependencyOnFailure: true,
          },
        })),
      });
    } finally {
      await producer.close();
    }
  }

  async runJob(compareId: string, run: PlannedRun): Promise<Job<RunJobData, RunJobResult> | undefined> {
    return (await this.queue.getJob(CompareQueue.runJobId(compareId, run))) as
      Job<RunJobData, RunJobResult> | undefined;
  }

  async reportJob(compareId: string): Promise<Job<ReportJobData, ReportJobResult> | undefined> {
    return (await this.queue.getJob(CompareQueue.reportJobId(compareId))) as
      Job<ReportJobData, ReportJobResult> | undefined;
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}
