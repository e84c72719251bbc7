/** One claim of the paper checked against a measurement. */
export interface Claim {
  readonly id: string;
  /** What the paper says, with where. */
  readonly paper: string;
  /** What was measured, with the numbers. */
  readonly measured: string;
  /** The rule that decides `held`, with its thresholds. */
  readonly criterion: string;
  readonly held: boolean;
}
