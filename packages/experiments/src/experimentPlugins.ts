import { fileURLToPath } from 'node:url';
import type { IpmPlugin } from '@ipmgan/core';
import { discoverPlugins, officialProvider, pluginsFor } from '@ipmgan/core/engine';
import { experimentsPlugin } from './experimentsPlugin.js';

// The package folder (src/ and dist/ sit one level below it): the objective packages this
// package depends on resolve from here, after the current directory's project.
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * What an experiment entry resolves against: core, the package that provides `objective`
 * (found among the installed packages at run time, so that a missing one fails only the
 * experiments that name it, with one line saying what to install) and the toy generators.
 */
export async function experimentPlugins(objective: string): Promise<IpmPlugin[]> {
  return [...(await pluginsFor({ objective: { name: objective } }, packageDir)), experimentsPlugin];
}

/**
 * Why an experiment leaves objective `id` out: the official package that provides it is not
 * installed where the experiment resolves its plugins from (`projectDir`, default this
 * package's; the same search as experimentPlugins). Undefined when something installed
 * provides `id`, and for an id no official package provides (a typo must still fail, with
 * core's line listing what is installed). Kept beside experimentPlugins: both answer
 * "what can this experiment resolve", from the same place.
 */
export function missingObjective(id: string, projectDir = packageDir): string | undefined {
  if (discoverPlugins(projectDir).some((p) => p.name === id || p.ids.includes(id))) return undefined;
  const official = officialProvider(id);
  return official === undefined ? undefined : `${official} is not installed (npm install ${official})`;
}
