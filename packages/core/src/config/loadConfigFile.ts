import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cosmiconfig, defaultLoaders, type Loader } from 'cosmiconfig';
import { checkConfigShape, CONFIG_LIMITS } from './checkConfigShape.js';
import { ConfigError } from './ConfigError.js';
import { describeParseError } from './describeParseError.js';

export interface LoadedConfigFile {
  /** The config as written, not yet validated. */
  readonly raw: unknown;
  readonly filepath: string;
  /** Relative paths in the config (data files, run dir) resolve against this. */
  readonly baseDir: string;
}

const MODULE = 'ipmgan';

/** Where ipmgan looks for a config, in order (cosmiconfig's search places plus ipmgan.config.{json,yaml,yml}). */
export const CONFIG_SEARCH_PLACES = [
  'package.json',
  `.${MODULE}rc`,
  `.${MODULE}rc.json`,
  `.${MODULE}rc.yaml`,
  `.${MODULE}rc.yml`,
  `.${MODULE}rc.js`,
  `.${MODULE}rc.ts`,
  `.${MODULE}rc.mjs`,
  `.${MODULE}rc.cjs`,
  `${MODULE}.config.json`,
  `${MODULE}.config.yaml`,
  `${MODULE}.config.yml`,
  `${MODULE}.config.js`,
  `${MODULE}.config.ts`,
  `${MODULE}.config.mjs`,
  `${MODULE}.config.cjs`,
];

/** A data loader of cosmiconfig that refuses a document past CONFIG_LIMITS.bytes before parsing it. */
function bounded(loader: Loader): Loader {
  return (filepath, content) => {
    if (Buffer.byteLength(content) > CONFIG_LIMITS.bytes)
      throw new ConfigError(
        `${filepath}: ${String(Buffer.byteLength(content))} bytes; a config file may have at most ${String(CONFIG_LIMITS.bytes)} (1 MiB)`,
      );
    return loader(filepath, content) as unknown;
  };
}

const LOADERS = {
  '.json': bounded(defaultLoaders['.json']),
  '.yaml': bounded(defaultLoaders['.yaml']),
  '.yml': bounded(defaultLoaders['.yml']),
  noExt: bounded(defaultLoaders.noExt),
};

/** The config as written, refused with one line naming `filepath` past the bounds of checkConfigShape. */
function checked(result: { config: unknown; filepath: string }): unknown {
  checkConfigShape(result.config, result.filepath);
  return result.config;
}

/**
 * Finds and reads the config with cosmiconfig: `explicitPath` if given, else the first of
 * CONFIG_SEARCH_PLACES from `cwd` upwards to the project root.
 */
export async function loadConfigFile(cwd: string, explicitPath?: string): Promise<LoadedConfigFile> {
  const explorer = cosmiconfig(MODULE, {
    searchPlaces: CONFIG_SEARCH_PLACES,
    searchStrategy: 'project',
    loaders: LOADERS,
  });
  if (explicitPath !== undefined) {
    const path = resolve(cwd, explicitPath);
    if (!existsSync(path)) throw new ConfigError(`--config: file not found: ${path}`);
    // A FIFO or device would block the read forever, or never end.
    if (!statSync(path).isFile()) throw new ConfigError(`--config: ${path} is not a regular file`);
    let result;
    try {
      result = await explorer.load(path);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError(describeParseError(error, path));
    }
    if (!result || result.isEmpty) throw new ConfigError(`${path}: the config file is empty`);
    return { raw: checked(result), filepath: path, baseDir: dirname(path) };
  }
  let result;
  try {
    result = await explorer.search(cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const { filepath } = error as { filepath?: unknown };
    throw new ConfigError(describeParseError(error, typeof filepath === 'string' ? filepath : 'config'));
  }
  if (!result)
    throw new ConfigError(
      `config: no ipmgan config found from ${cwd} (looked for ipmgan.config.{json,yaml,yml,js,ts,mjs,cjs}, .ipmganrc*, and "ipmgan" in package.json); create one (see docs/configuration.md) or pass -c FILE`,
    );
  if (result.isEmpty) throw new ConfigError(`${result.filepath}: the config file is empty`);
  return { raw: checked(result), filepath: result.filepath, baseDir: dirname(result.filepath) };
}
