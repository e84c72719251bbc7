import type { StepResult, TrainerHook } from '@ipmgan/core';
import type { Trainer } from '@ipmgan/core/engine';

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A progress bar on a TTY (iteration, iterations per second, ETA, current estimate),
 * and plain lines every `lineEvery` iterations otherwise (CI logs, pipes).
 */
export class ProgressReporter implements TrainerHook {
  readonly name = 'progress';
  #start = 0;
  #startIteration = 0;
  #estimate = Number.NaN;
  #lastDraw = 0;

  /** The iteration training runs to; set once the run is open. */
  target = 0;

  constructor(
    readonly stream: NodeJS.WriteStream = process.stderr,
    readonly lineEvery = 50,
  ) {}

  onTrainBegin(trainer: Trainer): void {
    this.#start = performance.now();
    this.#startIteration = trainer.state.iteration;
  }

  afterGeneratorStep(trainer: Trainer, step: StepResult): void {
    if (step.estimate !== undefined) this.#estimate = step.estimate;
    const seconds = (performance.now() - this.#start) / 1000;
    const rate = (step.iteration - this.#startIteration) / seconds;
    const eta = (this.target - step.iteration) / rate;
    const name = trainer.objective.estimateInfo.name;
    const text = `iter ${String(step.iteration)}/${String(this.target)}  ${rate.toFixed(2)} it/s  ETA ${formatDuration(eta)}  ${name} ${this.#estimate.toPrecision(4)}`;
    if (this.stream.isTTY) {
      const now = performance.now();
      if (now - this.#lastDraw < 100 && step.iteration < this.target) return;
      this.#lastDraw = now;
      const width = 24;
      const filled = Math.round((width * step.iteration) / this.target);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
    } else if (step.iteration % this.lineEvery === 0 || step.iteration === this.target) {
      this.stream.write(`${text}\n`);
    }
  }

  onTrainEnd(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
