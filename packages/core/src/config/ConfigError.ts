/** A config path, e.g. ['critic', 'constraints', 0, 'name']. */
export type ConfigPath = readonly (string | number)[];

/**
 * Bad input from a config file, data file, plugin name or flag: `message` is one line
 * that names the field and what was expected. The CLI prints it without a stack trace.
 *
 * An error about a config field carries the field as `path` and the rest as `detail`, so a
 * caller that built the config from another file (a compare entry, an experiment's
 * objective list) names its own field with `at` instead of rewriting the text.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The field the error is about; empty when it names a file or a flag in its detail. */
  readonly path: ConfigPath;
  /** What was expected, after the path. */
  readonly detail: string;

  constructor(detail: string, path: ConfigPath = []) {
    super(path.length === 0 ? detail : `${path.join('.')}: ${detail}`);
    this.path = path;
    this.detail = detail;
  }

  /** The same error about field `path`. */
  at(path: ConfigPath): ConfigError {
    return new ConfigError(this.detail, path);
  }
}
