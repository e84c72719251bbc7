/**
 * The CLI's one signal handler: runs `work` with an AbortSignal that the first SIGINT or
 * SIGTERM aborts, printing `ipmgan: interrupted; <notice>` once. Every long loop of the
 * command (training iterations, comparison workers, experiments) checks the signal between
 * steps, so the command stops within one step, with a checkpoint where there is one. The
 * handler is removed at the first signal: a second Ctrl-C ends the process at once.
 */
export async function untilInterrupted<T>(notice: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.stderr.write(`\nipmgan: interrupted; ${notice}\n`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
