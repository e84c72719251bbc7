// The command line itself; bin.ts loads it for everything but --version.
import { ConfigError } from '@ipmgan/core';
import { CommanderError } from 'commander';
import { CliError } from './CliError.js';
import { buildProgram } from './program.js';

// Exit codes: 0 success, 1 failure while running, 2 usage or config error.
const program = buildProgram(process.cwd());
const verbose = process.argv.includes('--verbose');
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has already printed its one-line message (or the help / version text).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    const usage = error instanceof ConfigError || error instanceof CliError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ipmgan: ${message.split('\n')[0] ?? message}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = usage ? 2 : 1;
  }
}
