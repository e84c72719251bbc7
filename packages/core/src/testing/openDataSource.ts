import type { DataSource } from '../contracts/DataSource.js';
import type { DataSourceExtension } from '../contracts/Extension.js';

/**
 * A data source from raw `options` as a config would give them: parsed by the extension's
 * own schema, then created with relative paths resolved from the working directory.
 */
export async function openDataSource(extension: DataSourceExtension, options: unknown = {}): Promise<DataSource> {
  return extension.create(extension.optionsSchema.parse(options), { baseDir: '.' });
}
