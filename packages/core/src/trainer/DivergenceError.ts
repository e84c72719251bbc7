/** A loss or the training state became NaN or infinite; training stops rather than writing bad weights. */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';

  /** `detail` replaces "the <loss> loss is <value>" when the state, not a loss, went bad. */
  constructor(
    readonly iteration: number,
    readonly loss: 'critic' | 'generator',
    readonly value: number,
    detail?: string,
  ) {
    super(`${detail ?? `the ${loss} loss is ${String(value)}`} at iteration ${String(iteration)}`);
  }
}
