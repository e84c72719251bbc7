/** One line of metrics.jsonl. */
export interface MetricsRecord {
  readonly iteration: number;
  /** Loss of the last critic step of the iteration; null for objectives without a critic. */
  readonly criticLoss: number | null;
  readonly generatorLoss: number;
  readonly estimateName: string;
  readonly estimate: number;
  readonly elapsedSeconds: number;
  /** Sample-quality metrics, on iterations where an evaluator ran. */
  readonly evaluation?: Readonly<Record<string, number>>;
}
