import { pathToFileURL } from 'node:url';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { openRun } from '../runs/openRun.js';

/**
 * The training process killAndResume starts and kills, doing what `ipmgan train` does
 * without the CLI (core cannot depend on it):
 *   node trainInChild.js start <config file>   a new run, plugins found from the cwd as ipmgan finds them
 *                                              (the package the cwd belongs to first: a plugin from its own folder)
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
  const given = plugins ? { plugins } : {};
  const run = await openRun(
    mode === 'start' ? { file: target, cwd, ...given } : { runDirectory: target, cwd, mode: 'resume', ...given },
  );
  await run.trainer.fit();
  run.dispose();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await trainInChild(process.argv.slice(2));
