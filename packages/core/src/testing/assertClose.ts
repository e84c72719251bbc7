/** The one assertion assertClose needs: ava's `t` (or any runner's equivalent) fits it. */
interface TrueAssertion {
  true(actual: boolean, message?: string): unknown;
}

/**
 * Two-sided tolerance check for hand-derived values: |actual - expected| <= tolerance.
 * A NaN actual fails (every comparison with NaN is false), so a broken loss cannot pass.
 */
export function assertClose(t: TrueAssertion, actual: number, expected: number, tolerance = 1e-6): void {
  t.true(
    Math.abs(actual - expected) <= tolerance,
    `${String(actual)} is not ${String(expected)} +- ${String(tolerance)}`,
  );
}
