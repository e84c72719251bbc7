/**
 * The process groups this test started (the registry, and each command while it runs).
 * They are ended when the test process exits or is interrupted, whatever step it was in,
 * so no registry or npm outlives the test.
 */
class ProcessGroups {
  private readonly leaders = new Set<number>();
  private readonly cleanups: (() => void)[] = [];
  private handlersInstalled = false;

  add(pid: number): void {
    this.installHandlers();
    this.leaders.add(pid);
  }

  delete(pid: number): void {
    this.leaders.delete(pid);
  }

  /** Runs `cleanup` (synchronous) when the process exits or is interrupted, after the groups are killed. */
  atExit(cleanup: () => void): void {
    this.installHandlers();
    this.cleanups.push(cleanup);
  }

  /** Sends `signal` to every group still tracked; a group that already ended is skipped. */
  signalAll(signal: NodeJS.Signals): void {
    for (const pid of this.leaders) this.signal(pid, signal);
  }

  /** Signals the group led by `pid`; false if it no longer exists. */
  signal(pid: number, signal: NodeJS.Signals): boolean {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false;
    }
  }

  private installHandlers(): void {
    if (this.handlersInstalled) return;
    this.handlersInstalled = true;
    // 'exit' runs synchronously on every way out that runs JavaScript; the signals would
    // otherwise end this process without it.
    process.once('exit', () => {
      this.signalAll('SIGKILL');
      for (const cleanup of this.cleanups.splice(0)) cleanup();
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
      process.once(signal, () => {
        process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
      });
  }
}

/** The one tracker of this test process. */
export const processGroups = new ProcessGroups();
