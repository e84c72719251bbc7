/**
 * A plugin package failed while running (importing it, creating one of its extensions, or
 * a method of what it created): the message starts with the package name. A failure while
 * running, not a bad config (the CLI exits 1).
 */
export class PluginError extends Error {
  override readonly name = 'PluginError';
}
