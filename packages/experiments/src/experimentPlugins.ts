import { fileURLToPath } from 'node:url';
import { loadPlugins, type IpmPlugin } from '@ipmgan/core';
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
  return [...(await loadPlugins({ objective }, packageDir)), experimentsPlugin];
}
