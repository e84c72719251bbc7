import type { PlannedRun } from './PlannedRun.js';
import { formatDuration, progressLine } from './progressLine.js';
import type { RunResult } from './RunResult.js';

const BAR = 12;
const WIDTH = 80;

interface RunLine {
  readonly run: PlannedRun;
  state: string;
  iteration: number;
  /** Iterations per second of this attempt; NaN before its first progress. */
  rate: number;
  started: boolean;
  ended: boolean;
  /** When this attempt started (the clock's milliseconds), and the iteration it started from. */
  startedAt: number;
  from?: number;
  estimate?: number;
  w1?: number;
}

/** Where progress goes: process.stderr, or anything with its write and TTY fields. */
export interface CompareProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * The parent's view of a compare: one live line per run on a TTY (redrawn in place) under an
 * overall line (runs done of all, running, ETA); when the stream is not a terminal, plain lines
 * (a start, about ten progress lines and an end line per run) and the overall line at every
 * end and at least every `lineSeconds` seconds. Every line fits 80 columns.
 */
export class CompareProgress {
  readonly #lines: RunLine[];
  #drawn = 0;
  #lastDraw = 0;
  #lastOverall: number;

  constructor(
    runs: readonly PlannedRun[],
    readonly stream: CompareProgressStream = process.stderr,
    readonly lineSeconds = 30,
    /** Milliseconds, as performance.now(). */
    readonly now: () => number = () => performance.now(),
  ) {
    this.#lines = runs.map((run) => ({
      run,
      state: 'queued',
      iteration: 0,
      rate: Number.NaN,
      started: false,
      ended: false,
      startedAt: 0,
    }));
    this.#lastOverall = now();
  }

  static nameOf(run: PlannedRun): string {
    return `${run.label}-seed${String(run.seed)}`;
  }

  #line(run: PlannedRun): RunLine {
    const line = this.#lines.find((l) => l.run === run);
    if (!line) throw new Error(`compare: unknown run ${CompareProgress.nameOf(run)}`);
    return line;
  }

  /** `runs 3/14 done, 2 running, ETA 05:12`: what is left of every run over the running runs' summed rate. */
  overall(): string {
    const done = this.#lines.filter((l) => l.ended).length;
    const running = this.#lines.filter((l) => l.started && !l.ended);
    const remaining = this.#lines
      .filter((l) => !l.ended)
      .reduce((sum, l) => sum + l.run.config.training.iterations - l.iteration, 0);
    const rate = running.reduce((sum, l) => sum + (Number.isFinite(l.rate) ? l.rate : 0), 0);
    const eta = remaining === 0 ? 0 : rate > 0 ? remaining / rate : Number.NaN;
    return `runs ${String(done)}/${String(this.#lines.length)} done, ${String(running.length)} running, ETA ${formatDuration(eta)}`;
  }

  #draw(force: boolean): void {
    const now = this.now();
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    const width = Math.max(...this.#lines.map((l) => CompareProgress.nameOf(l.run).length));
    const text = [
      ...this.#lines.map((l) => `${CompareProgress.nameOf(l.run).padEnd(width)}  ${l.state}`.slice(0, WIDTH - 1)),
      this.overall(),
    ].map((line) => `${line}\x1b[K`);
    const up = this.#drawn > 0 ? `\x1b[${String(this.#drawn)}A\r` : '';
    this.stream.write(`${up}${text.join('\n')}\n`);
    this.#drawn = text.length;
  }

  #overallLine(force: boolean): void {
    const now = this.now();
    if (!force && now - this.#lastOverall < this.lineSeconds * 1000) return;
    this.#lastOverall = now;
    this.stream.write(`${this.overall()}\n`);
  }

  started(run: PlannedRun): void {
    const line = this.#line(run);
    line.state = 'starting';
    line.started = true;
    line.startedAt = this.now();
    if (this.stream.isTTY === true) this.#draw(true);
    else this.stream.write(`${CompareProgress.nameOf(run)}: started\n`);
  }

  progress(run: PlannedRun, iteration: number, estimate?: number, w1?: number): void {
    const line = this.#line(run);
    const target = run.config.training.iterations;
    // A resumed run starts from its checkpoint: the rate counts this attempt's iterations only.
    line.from ??= iteration - 1;
    line.iteration = iteration;
    line.rate = (iteration - line.from) / ((this.now() - line.startedAt) / 1000);
    if (estimate !== undefined) line.estimate = estimate;
    if (w1 !== undefined) line.w1 = w1;
    const figures = {
      iteration,
      target,
      rate: line.rate,
      estimateName: run.config.objective.estimate.name,
      ...(line.estimate === undefined ? {} : { estimate: line.estimate }),
      ...(line.w1 === undefined ? {} : { w1: line.w1 }),
    };
    const name = CompareProgress.nameOf(run);
    if (this.stream.isTTY === true) {
      const width = Math.max(...this.#lines.map((l) => CompareProgress.nameOf(l.run).length));
      const filled = Math.round((BAR * iteration) / target);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] `;
      line.state = `${bar}${progressLine(figures, WIDTH - 1 - width - 2 - bar.length)}`;
      this.#draw(false);
      return;
    }
    if (iteration % Math.max(1, Math.ceil(target / 10)) === 0 && iteration < target)
      this.stream.write(`${name}: ${progressLine(figures, WIDTH - name.length - 2)}\n`);
    this.#overallLine(false);
  }

  ended(result: RunResult): void {
    const what =
      result.status === 'finished'
        ? `finished ${String(result.iteration)} iterations in ${result.seconds.toFixed(1)} s`
        : `${result.status} at iteration ${String(result.iteration)}${result.message ? `: ${result.message}` : ''}`;
    const line = this.#line(result.run);
    line.state = what;
    line.ended = true;
    line.iteration = result.iteration;
    if (this.stream.isTTY === true) this.#draw(true);
    else {
      this.stream.write(`${`${CompareProgress.nameOf(result.run)}: ${what}`.slice(0, WIDTH - 1)}\n`);
      this.#overallLine(true);
    }
  }
}
