import type { PlannedRun } from './PlannedRun.js';
import type { RunResult } from './RunResult.js';

interface RunLine {
  readonly run: PlannedRun;
  state: string;
}

/**
 * The parent's view of a compare: one live line per run on a TTY (redrawn in place), or
 * plain lines when the stream is not a terminal (a start, about ten progress lines and
 * an end line per run).
 */
export class CompareProgress {
  readonly #lines: RunLine[];
  readonly #started = new Map<string, number>();
  #drawn = 0;
  #lastDraw = 0;

  constructor(
    runs: readonly PlannedRun[],
    readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.#lines = runs.map((run) => ({ run, state: 'queued' }));
  }

  static nameOf(run: PlannedRun): string {
    return `${run.label}-seed${String(run.seed)}`;
  }

  #line(run: PlannedRun): RunLine {
    const line = this.#lines.find((l) => l.run === run);
    if (!line) throw new Error(`compare: unknown run ${CompareProgress.nameOf(run)}`);
    return line;
  }

  #draw(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    const width = Math.max(...this.#lines.map((l) => CompareProgress.nameOf(l.run).length));
    const text = this.#lines.map((l) => `${CompareProgress.nameOf(l.run).padEnd(width)}  ${l.state}\x1b[K`);
    const up = this.#drawn > 0 ? `\x1b[${String(this.#drawn)}A\r` : '';
    this.stream.write(`${up}${text.join('\n')}\n`);
    this.#drawn = text.length;
  }

  started(run: PlannedRun): void {
    this.#started.set(CompareProgress.nameOf(run), performance.now());
    this.#line(run).state = 'starting';
    if (this.stream.isTTY) this.#draw(true);
    else this.stream.write(`${CompareProgress.nameOf(run)}: started\n`);
  }

  progress(run: PlannedRun, iteration: number, estimate: number | undefined): void {
    const target = run.config.training.iterations;
    const seconds = (performance.now() - (this.#started.get(CompareProgress.nameOf(run)) ?? 0)) / 1000;
    const shown = estimate === undefined ? '' : `  ${run.config.objective.estimate.name} ${estimate.toPrecision(4)}`;
    const text = `iter ${String(iteration)}/${String(target)}  ${seconds.toFixed(1)} s${shown}`;
    if (this.stream.isTTY) {
      const filled = Math.round((16 * iteration) / target);
      this.#line(run).state = `[${'#'.repeat(filled)}${'.'.repeat(16 - filled)}] ${text}`;
      this.#draw(false);
    } else if (iteration % Math.max(1, Math.ceil(target / 10)) === 0 && iteration < target) {
      this.stream.write(`${CompareProgress.nameOf(run)}: ${text}\n`);
    }
  }

  ended(result: RunResult): void {
    const what =
      result.status === 'finished'
        ? `finished ${String(result.iteration)} iterations in ${result.seconds.toFixed(1)} s`
        : `${result.status} at iteration ${String(result.iteration)}${result.message ? `: ${result.message}` : ''}`;
    this.#line(result.run).state = what;
    if (this.stream.isTTY) this.#draw(true);
    else this.stream.write(`${CompareProgress.nameOf(result.run)}: ${what}\n`);
  }
}
