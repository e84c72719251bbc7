import type { PluginContext } from '../contracts/PluginContext.js';
import { PluginContexts } from '../trainer/PluginContexts.js';

/**
 * A plugin context outside a run, for unit tests of losses and penalties: the stream a run
 * with `seed` would give `key`, at `iteration`.
 */
export function testPluginContext(key = 'test', seed = 0, iteration = 0): PluginContext {
  const contexts = new PluginContexts(seed);
  contexts.iteration = iteration;
  return contexts.contextFor(key);
}
