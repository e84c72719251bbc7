import { existsSync, statSync } from 'node:fs';
import { CompareDirectory, RunDirectory, type MetricsRecord, type ResolvedConfig } from '@ipmgan/core/engine';
import type { MetricPoint } from './MetricPoint.js';
import type { RunView } from './RunView.js';
import type { WatchTarget } from './WatchTarget.js';

/** A run is taken as running while its metrics.jsonl grew within this many seconds, or five logging intervals if longer. */
const STALL_SECONDS = 30;
/** The rate is measured over this many logged lines. */
const RATE_WINDOW = 10;

function modified(path: string): number | null {
  return existsSync(path) ? statSync(path).mtimeMs : null;
}

function toPoint(record: MetricsRecord): MetricPoint {
  const w1 = record.evaluation?.w1;
  return {
    iteration: record.iteration,
    estimate: record.estimate,
    criticLoss: record.criticLoss,
    generatorLoss: record.generatorLoss,
    ...(w1 === undefined ? {} : { w1 }),
  };
}

/** What changed in a run since the last poll: new metric lines (or all of them, after a resume rewrote the file). */
export interface RunChange {
  readonly view: RunView;
  readonly points: readonly MetricPoint[];
  /** The page drops what it had of the run before adding `points`. */
  readonly reset: boolean;
}

/**
 * Follows one run directory by reading what the run already writes (config.resolved.json,
 * metrics.jsonl, samples/, checkpoints/, and compare.json for a compare's runs), through core's
 * RunDirectory, only when a file changed: nothing runs in the training process.
 */
export class RunWatcher {
  readonly #directory: RunDirectory;
  #config: ResolvedConfig | null = null;
  #records: MetricsRecord[] = [];
  #metricsStamp = '';

  constructor(readonly target: WatchTarget) {
    this.#directory = new RunDirectory(target.directory);
  }

  /** Every point so far, for a page that has just connected. */
  allPoints(): MetricPoint[] {
    return this.#records.map(toPoint);
  }

  poll(now = Date.now()): RunChange {
    try {
      return this.#poll(now);
    } catch (error) {
      return { view: this.#unreadable((error as Error).message), points: [], reset: false };
    }
  }

  #poll(now: number): RunChange {
    this.#config ??= this.#directory.readConfig();
    const config = this.#config;
    const metricsPath = this.#directory.metricsPath;
    const metricsTime = modified(metricsPath);
    const stamp = metricsTime === null ? '' : `${String(metricsTime)}:${String(statSync(metricsPath).size)}`;
    let points: MetricPoint[] = [];
    let reset = false;
    if (stamp !== this.#metricsStamp) {
      this.#metricsStamp = stamp;
      const records = metricsTime === null ? [] : this.#directory.readMetrics();
      const kept = this.#records.length;
      // A resumed run truncates metrics.jsonl back to its checkpoint before appending.
      reset = records.length < kept || records[kept - 1]?.iteration !== this.#records[kept - 1]?.iteration;
      points = (reset ? records : records.slice(kept)).map(toPoint);
      this.#records = records;
    }
    const last = this.#records.at(-1);
    const target = config.training.iterations;
    const rate = this.#rate();
    const state = this.#state(config, last, metricsTime, now);
    const latest = this.#directory.latestCheckpoint();
    const w1 = this.#records.findLast((r) => r.evaluation?.w1 !== undefined)?.evaluation?.w1 ?? null;
    const view: RunView = {
      ...this.#identity(),
      ...state,
      iteration: last?.iteration ?? 0,
      target,
      rate,
      eta: state.state === 'running' && rate !== null && last ? (target - last.iteration) / rate : null,
      objective: config.objective.name,
      data: config.data.name,
      estimateName: config.objective.estimate.name,
      estimate: last?.estimate ?? null,
      w1,
      samples: this.#directory.sampleFiles().map((s) => s.iteration),
      checkpoint: latest?.iteration ?? null,
    };
    return { view, points, reset };
  }

  #identity(): Pick<RunView, 'id' | 'name' | 'label' | 'seed' | 'settings'> {
    const { id, name, label, seed, settings } = this.target;
    return { id, name, label, seed: seed ?? this.#config?.seed ?? null, settings };
  }

  #rate(): number | null {
    const last = this.#records.at(-1);
    const first = this.#records.at(-Math.min(this.#records.length, RATE_WINDOW + 1));
    if (!last || !first || last.elapsedSeconds <= first.elapsedSeconds) return null;
    return (last.iteration - first.iteration) / (last.elapsedSeconds - first.elapsedSeconds);
  }

  #state(
    config: ResolvedConfig,
    last: MetricsRecord | undefined,
    metricsTime: number | null,
    now: number,
  ): Pick<RunView, 'state' | 'message'> {
    if (last && last.iteration >= config.training.iterations) return { state: 'finished' };
    const compare = this.target.compare;
    if (compare) {
      const record = new CompareDirectory(compare.directory);
      const status = record.read().runs[compare.index]?.status;
      // An end recorded after the last metrics line is how the run stands; an older one is from before a resume.
      if (status && (modified(record.recordPath) ?? 0) >= (metricsTime ?? 0))
        return { state: status.state, ...(status.message ? { message: status.message } : {}) };
    }
    if (metricsTime === null || !last) return { state: 'queued' };
    const interval = config.run.logEvery / (this.#rate() ?? Number.POSITIVE_INFINITY);
    const stall = Math.max(STALL_SECONDS, 5 * interval);
    const age = (now - metricsTime) / 1000;
    return age <= stall ? { state: 'running' } : { state: 'stalled', message: `no new line for ${age.toFixed(0)} s` };
  }

  #unreadable(message: string): RunView {
    return {
      ...this.#identity(),
      state: 'unreadable',
      message,
      iteration: this.#records.at(-1)?.iteration ?? 0,
      target: this.#config?.training.iterations ?? 0,
      rate: null,
      eta: null,
      objective: this.#config?.objective.name ?? '',
      data: this.#config?.data.name ?? '',
      estimateName: this.#config?.objective.estimate.name ?? '',
      estimate: null,
      w1: null,
      samples: [],
      checkpoint: null,
    };
  }
}
