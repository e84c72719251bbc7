import { Command, InvalidArgumentError } from 'commander';
import { newPlugin } from './commands/newPlugin.js';
import { train } from './commands/train.js';

function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new InvalidArgumentError(`${flag}: expected a positive integer, got "${value}"`);
    return n;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The `ipmgan` command line. Commands run relative to `cwd`. */
export function buildProgram(cwd: string): Command {
  const program = new Command('ipmgan')
    .description('Train and compare GANs whose objectives are integral probability metrics.')
    .version('0.1.0')
    .option('--verbose', 'show stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
    // Subcommands copy these settings when they are created, so set them first.
    .exitOverride();

  program
    .command('train')
    .description('train the objective a config file names, writing a run directory')
    .option(
      '-c, --config <file>',
      'config file (default: search ipmgan.config.* / .ipmganrc* / package.json from here up)',
    )
    .option('--resume <dir>', 'continue a run directory from its latest checkpoint')
    .option('--iterations <n>', 'train until this many generator iterations are done', positiveInt('--iterations'))
    .option(
      '--set <key=value>',
      'override one config field, e.g. --set training.batchSize=256 (repeatable)',
      collect,
      [],
    )
    .action(async (opts: { config?: string; resume?: string; iterations?: number; set: string[] }) => {
      await train(opts, cwd);
    });

  program
    .command('new-plugin')
    .description('scaffold an objective plugin package that builds, passes the conformance kit and trains')
    .argument('<name>', 'npm package name, e.g. ipmgan-mean-matching or @me/ipmgan-mean-matching')
    .option('--dir <dir>', 'directory to create (default: ./<name without its scope>); must be absent or empty')
    .option('--id <id>', 'objective id in config files (default: the name without scope and "ipmgan-" prefix)')
    .action((name: string, opts: { dir?: string; id?: string }) => {
      newPlugin(name, opts, cwd);
    });

  return program;
}
