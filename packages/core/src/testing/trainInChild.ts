import { pathToFileURL } from 'node:url';
import { loadConfigFile } from '../config/loadConfigFile.js';
import { openConfig } from '../config/openConfig.js';
import { resolveConfig } from '../config/resolveConfig.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { createRun } from '../runs/createRun.js';
import { resumeRun } from '../runs/resumeRun.js';

/** The config file's run, with the plugins it names (found from `cwd`) or with `plugins`. */
async function startRun(file: string, cwd: string, plugins?: readonly IpmPlugin[]) {
  if (!plugins) {
    const opened = await openConfig(cwd, file);
    return createRun(opened.config, opened.plugins, { baseDir: opened.baseDir });
  }
  const loaded = await loadConfigFile(cwd, file);
  return createRun(resolveConfig(loaded.raw, plugins), plugins, { baseDir: loaded.baseDir });
}

/**
 * The training process killAndResume starts and kills, doing what `ipmgan train` does
 * without the CLI (core cannot depend on it):
 *   node trainInChild.js start <config file>   a new run, plugins found from the cwd as ipmgan finds them
 *   node trainInChild.js resume <run directory> the run continued from its latest checkpoint
 * Either trains to the config's iterations. A test's own child script may call it with
 * `plugins` (then used instead of the installed ones, e.g. a deliberately broken copy).
 */
export async function trainInChild(
  args: readonly string[],
  plugins?: readonly IpmPlugin[],
  cwd = process.cwd(),
): Promise<void> {
  const [mode, target] = args;
  if (target === undefined || (mode !== 'start' && mode !== 'resume'))
    throw new Error('usage: trainInChild start <config file> | resume <run directory>');
  const run =
    mode === 'start' ? await startRun(target, cwd, plugins) : await resumeRun(target, cwd, plugins ? { plugins } : {});
  await run.trainer.fit();
  run.dispose();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await trainInChild(process.argv.slice(2));
