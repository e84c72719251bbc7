import type { PluginContext } from '../contracts/PluginContext.js';
import type { PluginState } from '../contracts/PluginState.js';
import { Rng, type RngState } from '../random/Rng.js';
import { tf } from '../tensorflow.js';

/**
 * The run's plugin contexts and declared plugin state, by stable key: one random stream per
 * key (Rng.derive(seed, key)), the iteration, and every PluginState that checkpoints save.
 * Keys: "objective:<id>", "objective:<id>/auxiliary", "constraint:<id>#<config index>",
 * "hook:<name>".
 */
export class PluginContexts {
  /** Generator iterations completed; the trainer's state.iteration reads and writes this. */
  iteration = 0;
  readonly #seed: number;
  readonly #contexts = new Map<string, PluginContext>();
  readonly #streams = new Map<string, Rng>();
  /** Stream states restored from a checkpoint for keys whose context does not exist yet. */
  readonly #pending = new Map<string, RngState>();
  readonly #states = new Map<string, PluginState>();

  constructor(seed: number) {
    this.#seed = seed;
  }

  static objectiveKey(id: string): string {
    return `objective:${id}`;
  }

  static constraintKey(id: string, index: number): string {
    return `constraint:${id}#${String(index)}`;
  }

  static hookKey(name: string): string {
    return `hook:${name}`;
  }

  /** The context of `key`, created on first use. */
  contextFor(key: string): PluginContext {
    const existing = this.#contexts.get(key);
    if (existing) return existing;
    const rng = Rng.derive(this.#seed, key);
    const pending = this.#pending.get(key);
    if (pending) rng.setState(pending);
    this.#pending.delete(key);
    this.#streams.set(key, rng);
    const iteration = (): number => this.iteration;
    const context: PluginContext = {
      key,
      rng,
      get iteration() {
        return iteration();
      },
    };
    this.#contexts.set(key, context);
    return context;
  }

  /** A hook's context: `context.plugins.forHook(this)` inside a hook. */
  forHook(hook: { readonly name: string }): PluginContext {
    return this.contextFor(PluginContexts.hookKey(hook.name));
  }

  /** Registers state that checkpoints save under `key`; a key declares state once. */
  declare(key: string, state: PluginState | undefined): void {
    if (!state) return;
    if (this.#states.has(key)) throw new Error(`plugin state "${key}" is declared twice`);
    this.#states.set(key, state);
  }

  get states(): ReadonlyMap<string, PluginState> {
    return this.#states;
  }

  /** The state of every stream, for a checkpoint. */
  streamStates(): Record<string, RngState> {
    const states: Record<string, RngState> = {};
    for (const [key, rng] of this.#streams) states[key] = rng.getState();
    for (const [key, state] of this.#pending) states[key] = state;
    return states;
  }

  /** Restores saved streams; a stream whose context is created later starts from its saved state. */
  restoreStreams(saved: Readonly<Record<string, RngState>>): void {
    for (const [key, state] of Object.entries(saved)) {
      const rng = this.#streams.get(key);
      if (rng) rng.setState(state);
      // Through an Rng: a checkpoint then writes the state in its canonical (unsigned) form.
      else this.#pending.set(key, Rng.fromState(state).getState());
    }
  }

  /** Frees every declared state tensor (the run's dispose calls this). */
  dispose(): void {
    for (const state of this.#states.values()) tf.dispose(Object.values(state.tensors ?? {}));
  }
}
