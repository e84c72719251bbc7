import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { CLI_VERSION } from './CLI_VERSION.js';
import { compare } from './commands/compare.js';
import { distance } from './commands/distance.js';
import { evaluate } from './commands/evaluate.js';
import { exportRun } from './commands/exportRun.js';
import { init } from './commands/init.js';
import { newPlugin } from './commands/newPlugin.js';
import { plugins } from './commands/plugins.js';
import { reproduce, reproduceHelp } from './commands/reproduce.js';
import { sample } from './commands/sample.js';
import { train } from './commands/train.js';
import { watch } from './commands/watch.js';
import { worker } from './commands/worker.js';

function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new InvalidArgumentError(`${flag}: expected a positive integer, got "${value}"`);
    return n;
  };
}

function nonNegativeInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 4294967295)
      throw new InvalidArgumentError(`${flag}: expected an integer from 0 to 4294967295, got "${value}"`);
    return n;
  };
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`--port: expected an integer from 0 (any free port) to 65535, got "${value}"`);
  return n;
}

function positiveNumber(flag: string) {
  return (value: string, previous: number[]): number[] => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError(`${flag}: expected a positive number, got "${value}"`);
    return [...previous, n];
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The `ipmgan` command line. Commands run relative to `cwd`; `experiments` (@ipmgan/experiments'
 * list, where it is installed) names what `reproduce` runs in its help.
 */
export function buildProgram(cwd: string, experiments?: Parameters<typeof reproduceHelp>[0]): Command {
  const reproduceNames = reproduceHelp(experiments);
  const program = new Command('ipmgan')
    .description('Train and compare GANs whose objectives are integral probability metrics.')
    .version(CLI_VERSION)
    .option('--verbose', 'show stack traces on errors, and which kernels train (native or wasm, and why)')
    // commander's own errors ("error: unknown option '--bogus'") become one ipmgan: line.
    .configureOutput({
      outputError: (text, write) => {
        const message = text
          .trim()
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, '; ');
        write(`ipmgan: ${message} (run ipmgan --help for usage)\n`);
      },
    })
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
      'override one config field, e.g. --set training.batchSize=256 (repeatable); with --resume, continue with a changed lr, iterations, logging or evaluation field, recorded in amendments.json',
      collect,
      [],
    )
    .action(async (opts: { config?: string; resume?: string; iterations?: number; set: string[] }) => {
      await train({ ...opts, verbose: program.opts<{ verbose?: boolean }>().verbose === true }, cwd);
    });

  program
    .command('new-plugin')
    .description(
      'scaffold a plugin package (objective, constraint, data, network or hook) that builds and passes its tests',
    )
    .argument('<name>', 'npm package name, e.g. ipmgan-mean-matching or @me/ipmgan-mean-matching')
    .option('--dir <dir>', 'directory to create (default: ./<name without its scope>); must be absent or empty')
    .option('--id <id>', 'the id in config files (default: the name without scope and "ipmgan-" prefix)')
    .option('--kind <kind>', 'objective | constraint | data | network | hook (default: objective)')
    .option('--critic <output>', "an objective's critic: score (one value per sample, default) | features (a vector)")
    .action((name: string, opts: { dir?: string; id?: string; kind?: string; critic?: string }) => {
      newPlugin(name, opts, cwd);
    });

  program
    .command('compare')
    .description(
      "train every objective of the config's compare block (x each seed) on the rest of the file, in parallel, and write a comparison report",
    )
    .option('-c, --config <file>', 'config file with a compare block (default: searched for as by train)')
    .option(
      '--resume <dir>',
      'continue a compare directory: resume every unfinished run from its checkpoint, start those never started, rebuild the report',
    )
    .option(
      '--workers <n>',
      'runs trained at once, each in its own process (default: the number of CPUs)',
      positiveInt('--workers'),
    )
    .option('--iterations <n>', 'generator iterations of every run', positiveInt('--iterations'))
    .option('--set <key=value>', 'override one shared config field (repeatable)', collect, [])
    .option(
      '--queue <url>',
      'enqueue the runs on Redis (redis://HOST:PORT[/DB]) for ipmgan worker processes on any host, and follow them until the report is written (docs/distributed.md)',
    )
    .option('--attach <dir>', 'with --queue: follow a queued compare directory again')
    .action(
      async (opts: {
        config?: string;
        resume?: string;
        queue?: string;
        attach?: string;
        workers?: number;
        iterations?: number;
        set: string[];
      }) => {
        await compare({ ...opts, verbose: program.opts<{ verbose?: boolean }>().verbose === true }, cwd);
      },
    );

  program
    .command('worker')
    .description(
      "train queued compares' runs on this host (ipmgan compare --queue), each in its own process, until SIGTERM or Ctrl-C (docs/distributed.md)",
    )
    .requiredOption('--queue <url>', 'the Redis the compares are queued on, redis://HOST:PORT[/DB]')
    .option(
      '--concurrency <n>',
      "runs trained at once; this host's cores are divided among them (default: the number of CPUs)",
      positiveInt('--concurrency'),
    )
    .option(
      '--stall-seconds <s>',
      "how long a job's lock lasts without renewal: a killed worker's run goes back to the queue after one to two of these (BullMQ lockDuration and stalledInterval; default 30)",
      positiveInt('--stall-seconds'),
      30,
    )
    .action(async (opts: { queue: string; concurrency?: number; stallSeconds: number }) => {
      await worker(opts);
    });

  program
    .command('reproduce')
    .description(
      `run the WGAN paper's experiments (shipped with @ipmgan/experiments) and report which of its claims held: ${reproduceNames.names}`,
    )
    .argument('<names...>', reproduceNames.argument)
    .option('-o, --out <dir>', 'output folder, one sub-folder per experiment (default: runs/reproduce-<stamp>)')
    .option(
      '--config <file>',
      'another config for the one experiment named (default: the shipped configs/<name>.yaml of @ipmgan/experiments)',
    )
    .option(
      '--quick',
      "each experiment's quick scale (configs/quick/<name>.yaml: fewer iterations or seeds, the same claims) where it has one",
    )
    .option('--workers <n>', 'comparison runs trained at once (default: the number of CPUs)', positiveInt('--workers'))
    .action(async (names: string[], opts: { out?: string; config?: string; workers?: number; quick?: boolean }) => {
      await reproduce(names, opts, cwd);
    });

  program
    .command('plugins')
    .description(
      'list every installed extension (objectives with the defaults a config inherits, constraints, data sources, networks, hooks) with its package and version',
    )
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { json?: boolean }) => {
      await plugins(opts, cwd);
    });

  program
    .command('init')
    .description('write a commented starter config that trains as it is')
    .option('-o, --output <file>', 'where to write it', 'ipmgan.config.yaml')
    .option('--force', 'overwrite the file if it exists')
    .action((opts: { output: string; force?: boolean }) => {
      init(opts, cwd);
    });

  program
    .command('sample')
    .description("write samples from a run's generator at a checkpoint (nothing is written into the run)")
    .argument('<run>', 'run directory')
    .option('-n, --count <n>', 'number of samples (default: 64 for a .png sheet, else 1000)', positiveInt('-n'))
    .requiredOption('-o, --output <file>', '.csv (vector data), .npy (any data) or .png (a sheet of images)')
    .option(
      '--checkpoint <iteration>',
      'the checkpoint of this iteration (default: the latest)',
      positiveInt('--checkpoint'),
    )
    .option('--seed <s>', "seed of the noise (default: the run's seed)", nonNegativeInt('--seed'))
    .action(async (run: string, opts: { count?: number; output: string; checkpoint?: number; seed?: number }) => {
      await sample(run, opts, cwd);
    });

  program
    .command('export')
    .description(
      "write a run's metrics and sample sheets as TensorBoard events, or its generator as a TensorFlow.js model (nothing is written into the run)",
    )
    .argument('<run>', 'run directory')
    .option('--tensorboard <dir>', 'a new folder for the tfevents file (then: tensorboard --logdir <dir>)')
    .option('--generator <dir>', 'a new folder for a tfjs LayersModel (model.json, weights.bin) of the generator')
    .option('--checkpoint <iteration>', "the generator's checkpoint (default: the latest)", positiveInt('--checkpoint'))
    .action(async (run: string, opts: { tensorboard?: string; generator?: string; checkpoint?: number }) => {
      await exportRun(run, opts, cwd);
    });

  program
    .command('eval')
    .description(
      "sample-quality metrics of a run's checkpoint against fresh real samples (nothing is written into the run)",
    )
    .argument('<run>', 'run directory')
    .option(
      '--checkpoint <iteration>',
      'the checkpoint of this iteration (default: the latest)',
      positiveInt('--checkpoint'),
    )
    .option(
      '-n, --samples <n>',
      "generated and real samples (default: the run's evaluation.samples)",
      positiveInt('-n'),
    )
    .option('--json', 'print JSON instead of a table')
    .action(async (run: string, opts: { checkpoint?: number; samples?: number; json?: boolean }) => {
      await evaluate(run, opts, cwd);
    });

  program
    .command('distance')
    .description('a distance between two sample files (.csv, one sample per line, or .npy)')
    .argument('<a>', 'first sample file')
    .argument('<b>', 'second sample file')
    .option(
      '--metric <name>',
      'w1 (exact, by optimal assignment; unequal sizes n, m are solved exactly on lcm(n, m) <= 4096 copies), sliced-w1, or mmd (unbiased MMD^2)',
      'w1',
    )
    .option('--projections <n>', 'sliced-w1: random directions', positiveInt('--projections'), 128)
    .option('--seed <s>', 'sliced-w1: seed of the directions', nonNegativeInt('--seed'), 0)
    .option(
      '--bandwidth <s...>',
      'mmd: Gaussian kernel bandwidths (default: the median pairwise distance of both files pooled)',
      positiveNumber('--bandwidth'),
      [],
    )
    .action(
      (a: string, b: string, opts: { metric: string; projections: number; seed: number; bandwidth: number[] }) => {
        distance(a, b, opts, cwd);
      },
    );

  program
    .command('watch')
    .description(
      'a live web page for a run, a compare or a folder of them while they train: curves (seeds as mean bands), states, ETA, sample files',
    )
    .argument('[dir]', 'a run directory, a compare directory, or a folder of them', 'runs')
    .option('--port <n>', 'port to listen on (0: any free port)', port, 6007)
    .option(
      '--host <address>',
      'address to listen on (another than loopback shows your runs to your network)',
      '127.0.0.1',
    )
    .action(async (dir: string, opts: { port: number; host: string }) => {
      await watch(resolve(cwd, dir), dir, opts);
    });

  return program;
}
