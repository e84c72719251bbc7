import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { loadPlugins } from '../plugins/loadPlugins.js';
import { ConfigError } from './ConfigError.js';
import { ConfigSchema } from './ConfigSchema.js';
import { loadConfigFile } from './loadConfigFile.js';
import { parseOrThrow } from './parseOrThrow.js';
import type { ResolvedConfig } from './ResolvedConfig.js';
import { resolveConfig } from './resolveConfig.js';

export interface OpenedConfig {
  readonly config: ResolvedConfig;
  readonly plugins: readonly IpmPlugin[];
  readonly filepath: string;
  readonly baseDir: string;
}

/**
 * Finds the config file, imports the plugins it names from the user's project, and
 * resolves it. `transform` may edit the raw config first (the CLI's --set and --iterations).
 */
export async function openConfig(
  cwd: string,
  explicitPath?: string,
  transform: (raw: unknown) => unknown = (raw) => raw,
): Promise<OpenedConfig> {
  const file = await loadConfigFile(cwd, explicitPath);
  const raw = transform(file.raw);
  const parsed = parseOrThrow(ConfigSchema, raw);
  if (parsed.objective === undefined)
    throw new ConfigError(
      'objective: required, e.g. objective: { name: wgan } (ipmgan compare reads compare.objectives)',
    );
  const plugins = await loadPlugins({ objective: parsed.objective.name, plugins: parsed.plugins }, file.baseDir);
  return { config: resolveConfig(raw, plugins), plugins, filepath: file.filepath, baseDir: file.baseDir };
}
