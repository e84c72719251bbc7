import { join } from 'node:path';

/**
 * The environment of every npm and ipmgan command of the test: the caller's, less what
 * `npm run` and tsx put there (npm_* settings, NODE_OPTIONS), with a user config file and
 * an npm cache of its own in `dir`, so that nothing of the developer's ~/.npmrc (a registry,
 * a scope mapping) or cache takes part. npx is told never to fetch a package it lacks.
 */
export function npmEnvironment(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) && !['INIT_CWD', 'NODE', 'NODE_OPTIONS'].includes(key)) env[key] = value;
  return {
    ...env,
    npm_config_userconfig: join(dir, 'npmrc'),
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_yes: 'false',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
}
