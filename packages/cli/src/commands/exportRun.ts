import { existsSync, renameSync, rmSync, statSync, accessSync, constants } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  CompareDirectory,
  exportGenerator,
  exportTensorBoard,
  imageRange,
  loadGenerator,
  RunDirectory,
} from '@ipmgan/core/engine';
import { CliError } from '../CliError.js';

export interface ExportOptions {
  readonly tensorboard?: string;
  readonly generator?: string;
  readonly checkpoint?: number;
}

/** The absolute output folder of `flag`: absent, in a writable folder that exists. */
function outputFolder(flag: string, given: string, cwd: string): string {
  const out = resolve(cwd, given);
  if (existsSync(out)) throw new CliError(`${flag}: ${given} already exists; name a new folder`);
  const parent = dirname(out);
  if (!existsSync(parent) || !statSync(parent).isDirectory())
    throw new CliError(`${flag}: ${given}: no folder ${parent} to create it in`);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new CliError(`${flag}: ${given}: the folder ${parent} is not writable`);
  }
  return out;
}

/**
 * Output folders filled in temporary siblings and renamed into place together at the end, so
 * each appears whole or not at all, and a failure in one leaves none of them behind.
 */
class PendingFolders {
  readonly #done: { temp: string; out: string }[] = [];

  async fill(out: string, fill: (temp: string) => Promise<void> | void): Promise<void> {
    const temp = resolve(dirname(out), `.${basename(out)}.tmp-${String(process.pid)}`);
    this.#done.push({ temp, out });
    await fill(temp);
  }

  commit(): void {
    for (const { temp, out } of this.#done) renameSync(temp, out);
  }

  discard(): void {
    for (const { temp } of this.#done) rmSync(temp, { recursive: true, force: true });
  }
}

/** The runs of a compare directory that have started (a folder with config.resolved.json), by folder name. */
function compareRuns(compare: CompareDirectory): { name: string; directory: RunDirectory }[] {
  return compare.read().runs.flatMap((run) => {
    const path = compare.runPath(run.directory);
    return existsSync(join(path, 'config.resolved.json'))
      ? [{ name: run.directory, directory: new RunDirectory(path) }]
      : [];
  });
}

/**
 * `ipmgan export RUN`: the run's metrics and sample sheets as TensorBoard events
 * (`--tensorboard OUT`) and/or its generator at a checkpoint as a tfjs LayersModel folder
 * (`--generator OUT`). For a compare directory, `--tensorboard` writes one sub-folder per run,
 * which TensorBoard overlays as runs. Every output folder must be new; nothing is written into
 * the runs.
 */
export async function exportRun(runPath: string, options: ExportOptions, cwd: string): Promise<void> {
  if (options.tensorboard === undefined && options.generator === undefined)
    throw new CliError('export: name what to export: --tensorboard OUT and/or --generator OUT');
  if (options.tensorboard !== undefined && options.tensorboard === options.generator)
    throw new CliError('export: --tensorboard and --generator need different folders');
  const isCompare = existsSync(join(resolve(cwd, runPath), 'compare.json'));
  if (isCompare && options.generator !== undefined)
    throw new CliError(
      `--generator: ${runPath} is a compare directory; export one of its runs' generators (${runPath}/<run folder>)`,
    );
  const compare = isCompare ? CompareDirectory.open(resolve(cwd, runPath), runPath) : null;
  const directory = compare ? null : RunDirectory.open(resolve(cwd, runPath), runPath);
  const tensorboard =
    options.tensorboard === undefined ? undefined : outputFolder('--tensorboard', options.tensorboard, cwd);
  const generatorOut =
    options.generator === undefined ? undefined : outputFolder('--generator', options.generator, cwd);

  const folders = new PendingFolders();
  const lines: string[] = [];
  try {
    await fillFolders();
    folders.commit();
  } catch (error) {
    folders.discard();
    throw error;
  }
  for (const line of lines) process.stdout.write(line);

  async function fillFolders(): Promise<void> {
    if (generatorOut !== undefined && directory) {
      const loaded = await loadGenerator(directory.path, {
        cwd,
        ...(options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint }),
      });
      try {
        const { config, generator, iteration } = loaded;
        await folders.fill(generatorOut, (temp) =>
          exportGenerator(generator, temp, {
            noise: { distribution: generator.prior.distribution, dimension: generator.prior.dimension },
            dataShape: [...generator.network.outputShape],
            ...(generator.network.outputShape.length > 1 ? { valueRange: imageRange(config) } : {}),
            run: config.name,
            objective: config.objective.name,
            data: config.data.name,
            iteration,
          }),
        );
        lines.push(
          `ipmgan: wrote the generator of iteration ${String(iteration)} to ${generatorOut} (model.json, weights.bin)\n`,
        );
      } finally {
        loaded.dispose();
      }
    }
    if (tensorboard !== undefined) {
      const runs = compare ? compareRuns(compare) : directory ? [{ name: '', directory }] : [];
      if (runs.length === 0) throw new CliError(`${runPath}: no run of the comparison has started yet`);
      const written = { scalars: 0, images: 0 };
      await folders.fill(tensorboard, (temp) => {
        for (const run of runs) {
          const counts = exportTensorBoard(run.directory, join(temp, run.name));
          written.scalars += counts.scalars;
          written.images += counts.images;
        }
      });
      const what = compare ? ` of ${String(runs.length)} runs` : '';
      lines.push(
        `ipmgan: wrote ${String(written.scalars)} scalars and ${String(written.images)} sample sheets${what} to ${tensorboard} (tensorboard --logdir ${tensorboard})\n`,
      );
    }
  }
}
