/** A usage error of the command line itself (exit code 2), as opposed to a failure while running (1). */
export class CliError extends Error {
  override readonly name = 'CliError';
}
