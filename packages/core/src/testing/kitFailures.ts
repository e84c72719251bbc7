import type { ConformanceTest } from './ConformanceTest.js';

/**
 * Runs a kit's registered tests outside ava and returns the titles of those that failed (an
 * assertion false, or a throw), `prefix` removed: the kits' mutation meta-tests prove with it
 * that each check fails on the defect it is for, and only those checks.
 */
export async function kitFailures(
  tests: readonly (readonly [string, Parameters<ConformanceTest['serial']>[1]])[],
  prefix: RegExp,
): Promise<string[]> {
  const failed: string[] = [];
  for (const [title, implementation] of tests) {
    let ok = true;
    try {
      await implementation({ true: (value) => (ok &&= value), log: () => undefined });
    } catch {
      ok = false;
    }
    if (!ok) failed.push(title.replace(prefix, ''));
  }
  return failed;
}
