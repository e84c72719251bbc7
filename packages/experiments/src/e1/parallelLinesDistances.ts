/** The closed forms of the WGAN paper's Example 1 between P_0 = (0, Z) and P_theta = (theta, Z), Z ~ U[0, 1]. */
export interface ParallelLinesDistances {
  readonly theta: number;
  /** W(P_0, P_theta) = |theta|. */
  readonly w: number;
  /** JS = log 2 for theta != 0, else 0. */
  readonly js: number;
  /** The paper's delta = sup_A |P_0(A) - P_theta(A)| = 1 for theta != 0, else 0. */
  readonly tv: number;
  /** KL(P_theta || P_0) = KL(P_0 || P_theta) = +inf for theta != 0, else 0. */
  readonly kl: number;
}

export function parallelLinesDistances(theta: number): ParallelLinesDistances {
  const apart = theta !== 0;
  return {
    theta,
    w: Math.abs(theta),
    js: apart ? Math.LN2 : 0,
    tv: apart ? 1 : 0,
    kl: apart ? Number.POSITIVE_INFINITY : 0,
  };
}
