import { ConfigError } from '../config/ConfigError.js';
import type { JsonValue } from '../contracts/PluginState.js';
import type { RngState } from '../random/Rng.js';
import type { tf } from '../tensorflow.js';
import type { TrainerContext } from '../trainer/TrainerContext.js';

/** The plugin part of a checkpoint manifest; tensors go in groups "plugin:<key>". */
export interface PluginStateManifest {
  /** Every plugin random stream, by key. */
  readonly streams: Record<string, RngState>;
  /** What each declared state's save() returned, by key. */
  readonly json: Record<string, JsonValue>;
}

const groupOf = (key: string): string => `plugin:${key}`;

/**
 * The plugin section of a checkpoint: declared state tensors as named groups (the
 * checkpoint writes them beside the weights) and the streams and JSON for the manifest.
 */
export function collectPluginState(trainer: TrainerContext): {
  readonly manifest: PluginStateManifest;
  readonly groups: readonly (readonly [string, readonly { name: string; tensor: tf.Tensor }[]])[];
} {
  const json: Record<string, JsonValue> = {};
  const groups: [string, { name: string; tensor: tf.Tensor }[]][] = [];
  for (const [key, state] of trainer.plugins.states) {
    const saved = state.save?.();
    if (saved !== undefined) json[key] = saved;
    const tensors = Object.entries(state.tensors ?? {}).map(([name, tensor]) => ({ name, tensor }));
    if (tensors.length > 0) groups.push([groupOf(key), tensors]);
  }
  return { manifest: { streams: trainer.plugins.streamStates(), json }, groups };
}

/**
 * Restores the plugin section into a trainer built from the same config: each declared
 * tensor by key and name (same shape, assigned in place), each JSON state, every stream.
 * loadCheckpoint has run checkPluginState first, so the checks here are a last guard.
 */
export function restorePluginState(
  trainer: TrainerContext,
  manifest: PluginStateManifest,
  groups: Readonly<Record<string, readonly { readonly name: string; readonly shape: readonly number[] }[]>>,
  read: (group: string, name: string) => tf.Tensor,
  path: string,
): void {
  for (const [key, state] of trainer.plugins.states) {
    for (const [name, variable] of Object.entries(state.tensors ?? {})) {
      const entry = groups[groupOf(key)]?.find((e) => e.name === name);
      if (!entry) throw new Error(`${path}: no saved tensor "${name}" for plugin state "${key}"`);
      if (entry.shape.join(',') !== variable.shape.join(','))
        throw new Error(
          `${path}: plugin state "${key}" tensor "${name}" is [${entry.shape.join(', ')}], the plugin's [${variable.shape.join(', ')}]`,
        );
      const value = read(groupOf(key), name);
      variable.assign(value);
      value.dispose();
    }
    const saved = manifest.json[key];
    if (saved !== undefined) state.restore?.(saved);
  }
  trainer.plugins.restoreStreams(manifest.streams);
}

/**
 * Checks the plugin section against the trainer's declared state before anything is
 * restored: every declared tensor saved under its key and name, with its shape. Throws a
 * ConfigError naming `file` (the manifest) and the plugin state.
 */
export function checkPluginState(
  trainer: TrainerContext,
  manifest: PluginStateManifest,
  groups: Readonly<Record<string, readonly { readonly name: string; readonly shape: readonly number[] }[]>>,
  file: string,
): void {
  for (const [key, state] of trainer.plugins.states)
    for (const [name, variable] of Object.entries(state.tensors ?? {})) {
      const entry = groups[groupOf(key)]?.find((e) => e.name === name);
      if (!entry) throw new ConfigError(`${file}: no saved tensor "${name}" for plugin state "${key}"`);
      if (entry.shape.join(',') !== variable.shape.join(','))
        throw new ConfigError(
          `${file}: plugin state "${key}" tensor "${name}" is [${entry.shape.join(', ')}], the plugin's [${variable.shape.join(', ')}]`,
        );
    }
  for (const key of Object.keys(manifest.streams))
    if (!/^(objective|constraint|hook):/.test(key)) throw new ConfigError(`${file}: plugins.streams has an unknown key "${key}"`);
}
