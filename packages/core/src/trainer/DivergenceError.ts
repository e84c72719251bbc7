/** A loss became NaN or infinite; training stops rather than writing bad weights. */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';

  constructor(
    readonly iteration: number,
    readonly loss: 'critic' | 'generator',
    readonly value: number,
  ) {
    super(`the ${loss} loss is ${String(value)} at iteration ${String(iteration)}`);
  }
}
