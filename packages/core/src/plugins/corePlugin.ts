import { builtinConstraints } from '../constraints/builtinConstraints.js';
import { builtinDataSources } from '../data/builtinDataSources.js';
import { builtinNetworks } from '../networks/builtinNetworks.js';
import { definePlugin } from './definePlugin.js';

/** Core's own data sources, networks and constraints, registered like any plugin's. */
export const corePlugin = definePlugin({
  name: '@ipmgan/core',
  version: '0.1.0',
  extensions: [...builtinDataSources, ...builtinNetworks, ...builtinConstraints],
});
