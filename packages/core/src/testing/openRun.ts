import type { Config } from '../config/ConfigSchema.js';
import { resolveConfig } from '../config/resolveConfig.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { createRun, type Run } from '../runs/createRun.js';
import type { RunDirectory } from '../runs/RunDirectory.js';

/**
 * `config` resolved with `plugins` and built into a run, in this process: writing nothing
 * (the default) or into `directory`, with the metrics logger, checkpointer and sample writer.
 */
export async function openRun(
  config: Config,
  plugins: readonly IpmPlugin[],
  directory: RunDirectory | null = null,
): Promise<Run> {
  return createRun(resolveConfig(config, plugins), plugins, { directory });
}
