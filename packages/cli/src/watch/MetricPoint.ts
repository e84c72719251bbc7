/** One metrics.jsonl line as the watch page plots it. */
export interface MetricPoint {
  readonly iteration: number;
  readonly estimate: number;
  readonly criticLoss: number | null;
  readonly generatorLoss: number;
  /** Exact W1 on evaluation iterations. */
  readonly w1?: number;
}
