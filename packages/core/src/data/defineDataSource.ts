import type { DataSourceExtension } from '../contracts/Extension.js';

/**
 * Types a data source against its own options, then widens it for registration.
 * The cast is needed because `create(options: O)` is contravariant in O, so a
 * DataSourceExtension<O> is not a DataSourceExtension<unknown>; the registry always
 * parses options with the extension's own `optionsSchema` before calling `create`.
 */
export function defineDataSource<O>(extension: DataSourceExtension<O>): DataSourceExtension {
  return extension;
}
