// The command line itself; bin.ts loads it for everything but --version.
import { ConfigError } from '@ipmgan/core';
import { CommanderError } from 'commander';
import { CliError } from './CliError.js';
import { experimentsForHelp } from './commands/reproduce.js';
import { buildProgram } from './program.js';
import { writeError } from './writeError.js';

// Exit codes: 0 success, 1 failure while running, 2 usage or config error.

// Output that cannot be written: a closed pipe (`ipmgan plugins | head -1`) means the reader
// has all it wants, so the command ends quietly; any other error (`> /dev/full`) is one line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    process.stderr.write(`ipmgan: ${writeError('stdout', 'the standard output', error).message}\n`);
    process.exit(1);
  }
  process.exit(process.exitCode ?? 0);
});
process.stderr.on('error', () => {
  process.exit(process.exitCode ?? 1);
});

/** One line for any error: errno errors (EACCES, EISDIR, ...) by their code and path, never Node's raw text. */
function oneLine(error: unknown): string {
  const errno = error as NodeJS.ErrnoException | undefined;
  if (errno instanceof Error && typeof errno.code === 'string' && /^E[A-Z]+$/.test(errno.code) && errno.path)
    return `${errno.path}: ${errno.syscall ?? 'a file operation'} failed (${errno.code})`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
const program = buildProgram(process.cwd(), await experimentsForHelp(process.cwd()));
const verbose = process.argv.includes('--verbose');
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has already printed its one-line message (or the help / version text).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    const usage = error instanceof ConfigError || error instanceof CliError;
    process.stderr.write(`ipmgan: ${oneLine(error)}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = usage ? 2 : 1;
  }
}
