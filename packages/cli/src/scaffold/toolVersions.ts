/**
 * The versions a scaffolded plugin depends on: the ranges ipmgan's own packages are built
 * and tested with (the monorepo's package.json), so a new plugin starts from a known-good set.
 */
export const toolVersions = {
  zod: '^4.1.0',
  typescript: '~5.9.3',
  ava: '^7.0.0',
  tsx: '^4.20.0',
  /** For node:fs, node:path, ... in specs (the Node version of `engines`). */
  typesNode: '^20.19.0',
} as const;
