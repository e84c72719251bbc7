/** What an objective's estimate measures, shown next to its value. */
export interface EstimateInfo {
  /** Short label, e.g. "W1*K", "JS lower bound", "TV", "MMD^2". */
  readonly name: string;
  /** One sentence, e.g. "W1 up to the critic's Lipschitz constant K". */
  readonly meaning: string;
}
