/** What one generator iteration (k critic steps, then a generator step) produced. */
export interface StepResult {
  /** 1-based count of generator iterations done, this one included. */
  readonly iteration: number;
  readonly criticSteps: number;
  /** Loss of the last critic step (NaN when no critic step ran). */
  readonly criticLoss: number;
  readonly generatorLoss: number;
  /** The objective's distance estimate, present on logged iterations. */
  readonly estimate?: number;
  /** What evaluator hooks measured, on evaluation iterations. */
  readonly evaluation?: Readonly<Record<string, number>>;
}
