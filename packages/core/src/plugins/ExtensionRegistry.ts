import type { Extension, ExtensionKind } from '../contracts/Extension.js';
import { ConfigError } from '../config/ConfigError.js';

type OfKind<K extends ExtensionKind> = Extract<Extension, { kind: K }>;

const KIND_NAMES: Record<ExtensionKind, string> = {
  objective: 'objective',
  data: 'data source',
  network: 'network',
  constraint: 'constraint',
};

/** Resolves the string ids of a config file, once, against what is installed. */
export class ExtensionRegistry {
  readonly #extensions: readonly Extension[];

  constructor(extensions: readonly Extension[]) {
    this.#extensions = extensions;
    const seen = new Map<string, string>();
    for (const e of extensions) {
      for (const name of [e.id, ...(e.aliases ?? [])]) {
        const key = `${e.kind}:${name}`;
        const owner = seen.get(key);
        if (owner !== undefined && owner !== e.id)
          throw new ConfigError(`${KIND_NAMES[e.kind]} name "${name}" is claimed by both "${owner}" and "${e.id}"`);
        seen.set(key, e.id);
      }
    }
  }

  all<K extends ExtensionKind>(kind: K): OfKind<K>[] {
    return this.#extensions.filter((e): e is OfKind<K> => e.kind === kind);
  }

  /** The extension of `kind` called `name` (id or alias); `field` names the config path for errors. */
  get<K extends ExtensionKind>(kind: K, name: string, field: string): OfKind<K> {
    const found = this.all(kind).find((e) => e.id === name || (e.aliases ?? []).includes(name));
    if (found) return found;
    const installed = this.all(kind)
      .map((e) => e.id)
      .sort()
      .join(', ');
    throw new ConfigError(
      `unknown ${KIND_NAMES[kind]} "${name}"; installed: ${installed === '' ? 'none' : installed}`,
      field.split('.'),
    );
  }
}
