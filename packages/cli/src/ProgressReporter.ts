import { progressLine } from '@ipmgan/compare';
import type { StepResult, TrainerHook } from '@ipmgan/core';

const BAR = 16;

/** Where progress goes: process.stderr, or anything with its write and TTY fields. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** A terminal's width; absent when not a terminal. */
  readonly columns?: number;
}

/**
 * A progress bar on a TTY (iteration, iterations per second, ETA, the estimate under its own
 * name, the last exact W1), fitted to the terminal and at most 80 columns; otherwise (CI logs,
 * pipes) a plain line every `lineEvery` iterations and at least every `lineSeconds` seconds.
 */
export class ProgressReporter implements TrainerHook {
  readonly name = 'progress';
  #start = 0;
  #startIteration = 0;
  #estimate: number | undefined;
  #w1: number | undefined;
  #lastDraw = 0;
  #lastLine = 0;

  /** The iteration training runs to and the objective's estimate name; set once the run is open. */
  target = 0;
  estimateName = 'estimate';

  constructor(
    readonly stream: ProgressStream = process.stderr,
    readonly lineEvery = 50,
    readonly lineSeconds = 30,
    /** Milliseconds, as performance.now(). */
    readonly now: () => number = () => performance.now(),
  ) {}

  onTrainBegin(trainer: { readonly state: { readonly iteration: number } }): void {
    this.#start = this.now();
    this.#lastLine = this.#start;
    this.#startIteration = trainer.state.iteration;
  }

  afterGeneratorStep(_trainer: unknown, step: StepResult): void {
    if (step.estimate !== undefined) this.#estimate = step.estimate;
    if (step.evaluation?.w1 !== undefined) this.#w1 = step.evaluation.w1;
    const now = this.now();
    const figures = {
      iteration: step.iteration,
      target: this.target,
      rate: (step.iteration - this.#startIteration) / ((now - this.#start) / 1000),
      estimateName: this.estimateName,
      ...(this.#estimate === undefined ? {} : { estimate: this.#estimate }),
      ...(this.#w1 === undefined ? {} : { w1: this.#w1 }),
    };
    const last = step.iteration >= this.target;
    if (this.stream.isTTY === true) {
      if (now - this.#lastDraw < 100 && !last) return;
      this.#lastDraw = now;
      // One column short of the terminal, so the cursor never wraps.
      const width = Math.min(this.stream.columns ?? 80, 80) - 1;
      const filled = Math.round((BAR * step.iteration) / this.target);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] `;
      this.stream.write(`\r${bar}${progressLine(figures, width - bar.length)}\x1b[K`);
    } else if (step.iteration % this.lineEvery === 0 || last || now - this.#lastLine >= this.lineSeconds * 1000) {
      this.#lastLine = now;
      this.stream.write(`${progressLine(figures)}\n`);
    }
  }

  onTrainEnd(): void {
    if (this.stream.isTTY === true) this.stream.write('\n');
  }
}
