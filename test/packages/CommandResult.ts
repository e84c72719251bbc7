/** What one child process did: its exit code (null if a signal ended it), output and wall time. */
export interface CommandResult {
  /** The command line as a user would type it. */
  readonly command: string;
  readonly cwd: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}
