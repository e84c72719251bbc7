import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits in <core>/src/plugins or <core>/dist/plugins: two levels below @ipmgan/core.
const ownInstallation = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where plugins are looked for, in this order: the config file's project (`projectDir`),
 * the current directory's project, then the installation ipmgan itself runs from (so that
 * a global or npx install finds the plugins installed beside it). Each is searched like
 * Node resolves a package: its node_modules, then every node_modules above it.
 */
export function pluginSearchRoots(projectDir: string): string[] {
  return [...new Set([resolve(projectDir), process.cwd(), ownInstallation])];
}
