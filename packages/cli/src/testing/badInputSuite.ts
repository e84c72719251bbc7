import test, { type ExecutionContext } from 'ava';
import { snapshotFiles } from './snapshotFiles.js';
import { spawnIpmgan } from './spawnIpmgan.js';

/**
 * One case of a bad-input suite: what it is, the arguments, the exit code (2 bad input, 1
 * failure while running), the text the one stderr line must contain (the field or file),
 * and optionally where the standard output goes.
 */
export type BadInputCase = readonly [
  what: string,
  args: readonly string[],
  code: number,
  names: string,
  options?: { readonly stdoutTo?: string },
];

/**
 * Registers one test per case: the built binary run in `root` exits with the case's code,
 * prints nothing on stdout and exactly one line on stderr with the ipmgan: prefix that names
 * the field or file, no stack trace, and nothing under `root` is written or changed; then
 * `check`, a suite's own invariant, if given. Call it after every fixture under `root` is
 * written (the snapshot is taken here).
 */
export function badInputSuite(
  cases: readonly BadInputCase[],
  root: string,
  check?: (t: ExecutionContext) => void,
): void {
  const before = snapshotFiles(root);
  for (const [what, args, code, names, options] of cases) {
    test(`${what}: exit ${String(code)}, one ipmgan: line naming ${names}, no stack, nothing written`, async (t) => {
      const result = await spawnIpmgan(args, root, options);
      t.is(result.code, code, result.stderr);
      t.is(result.stdout, '');
      const lines = result.stderr.split('\n');
      t.is(lines.length, 2, `one line: ${JSON.stringify(result.stderr)}`);
      t.true(result.stderr.startsWith('ipmgan: '), result.stderr);
      t.true(result.stderr.includes(names), `${JSON.stringify(names)} in ${JSON.stringify(result.stderr)}`);
      t.false(/\n\s+at /.test(result.stderr), 'no stack trace');
      t.deepEqual(snapshotFiles(root), before, 'nothing under the fixture folder was written or changed');
      check?.(t);
    });
  }
}
