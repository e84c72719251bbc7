import type { Claim } from './Claim.js';

/** What a finished experiment returns besides its files. */
export interface ExperimentOutcome<Results> {
  readonly results: Results;
  readonly claims: readonly Claim[];
  readonly seconds: number;
}
