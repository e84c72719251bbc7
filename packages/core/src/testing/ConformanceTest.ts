/**
 * The part of ava's ExecutionContext the conformance kit uses. Typed structurally so that
 * core does not depend on ava: pass ava's `t` (or any runner's equivalent).
 */
export interface ConformanceAssertions {
  true(actual: boolean, message?: string): unknown;
  log(...values: unknown[]): void;
}

/** The part of ava's `test` the conformance kit uses: `import test from 'ava'` fits it. */
export interface ConformanceTest {
  serial(title: string, implementation: (t: ConformanceAssertions) => void | Promise<void>): void;
}
