/**
 * Bad input from a config file, data file, plugin name or flag: `message` is one line
 * that names the field and what was expected. The CLI prints it without a stack trace.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
