/** What a swept comparison knows of one of its labels: the objective and the swept values. */
export interface SweepRun {
  /** The run label, e.g. `wgan-clip=0.01`. */
  readonly label: string;
  /** The objective's label, e.g. `wgan`. */
  readonly objective: string;
  /** Swept path -> value. */
  readonly settings: Readonly<Record<string, unknown>>;
}
