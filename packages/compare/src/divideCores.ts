import { resolveThreads, type ResolvedConfig } from '@ipmgan/core/engine';

/** How a compare shares the machine: runs at once, and threads per run. */
export interface CoreDivision {
  readonly workers: number;
  readonly threads: number;
  /** One line for the user, e.g. "2 cores: 2 workers x 1 thread each". */
  readonly note: string;
}

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * Divides `cores` between the runs trained at once (at most `workers`, at most `runs`) and
 * their wasm threads: 'auto' takes each worker's share, floor(cores / workers); a number is
 * lowered to that share, so that workers x threads never exceeds the cores (unless the
 * workers alone do, at 1 thread each).
 */
export function divideCores(
  threads: NonNullable<ResolvedConfig['threads']>,
  backend: ResolvedConfig['backend'],
  workers: number,
  runs: number,
  cores: number,
): CoreDivision {
  const lanes = Math.max(1, Math.min(workers, runs));
  const share = Math.max(1, Math.floor(cores / lanes));
  const each =
    threads === 'auto' ? resolveThreads('auto', backend, share) : Math.min(resolveThreads(threads, backend), share);
  const lowered = threads !== 'auto' && each < threads ? `; threads ${String(threads)} lowered to fit` : '';
  const over = lanes > cores ? '; more workers than cores' : '';
  return {
    workers: lanes,
    threads: each,
    note: `${plural(cores, 'core')}: ${plural(lanes, 'worker')} x ${plural(each, 'thread')} each${lowered}${over}`,
  };
}
