/** A mean over n runs and its standard error sd/sqrt(n); se is null when n = 1. */
export interface MeanSe {
  readonly mean: number;
  readonly se: number | null;
  readonly n: number;
}
