import type { PluginManifest } from './PluginManifest.js';

/**
 * The ipmgan project's own plugin packages and their package.json `ipmganPlugin` field,
 * used only to name the package to install when an id is not provided by anything
 * installed (an installed package is read from its own package.json). A meta-test
 * (pluginIdentity.spec) checks this table against every workspace package.
 */
export const officialPlugins: Readonly<Record<string, PluginManifest>> = {
  '@ipmgan/critic-wgan': { objective: 'wgan', aliases: ['wgan-clip'] },
  '@ipmgan/disc-gan': { objective: 'gan', aliases: ['standard-gan'] },
  '@ipmgan/ebgan': { objective: 'ebgan', aliases: ['energy-gan'] },
  '@ipmgan/mmd': { objective: 'mmd', aliases: ['gmmn'] },
  '@ipmgan/gradient-penalty': { objective: 'wgan-gp', aliases: ['wgangp'], constraint: ['gradient-penalty'] },
  '@ipmgan/spectral-norm': { objective: 'sn-gan', aliases: ['sngan'], constraint: ['spectral-norm'] },
  '@ipmgan/fisher-gan': { objective: 'fisher-gan', aliases: ['fisher'] },
  '@ipmgan/sobolev-gan': { objective: 'sobolev-gan', aliases: ['sobolev'] },
  '@ipmgan/mmd-gan': { objective: 'mmd-gan', aliases: ['mmdgan'] },
  '@ipmgan/cramer-gan': { objective: 'cramer-gan', aliases: ['cramer'] },
  '@ipmgan/experiments': { network: ['parallel-line', 'gaussian-shift'] },
};

/**
 * The official package whose objective is `id` (the package name, the objective id or an
 * alias), if any: the package to name when `id` is not installed.
 */
export function officialProvider(id: string): string | undefined {
  return Object.entries(officialPlugins).find(
    ([name, manifest]) => name === id || manifest.objective === id || (manifest.aliases ?? []).includes(id),
  )?.[0];
}
