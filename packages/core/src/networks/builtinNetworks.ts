import type { NetworkExtension } from '../contracts/Extension.js';
import { dcganCritic } from './dcganCritic.js';
import { dcganGenerator } from './dcganGenerator.js';
import { mlp } from './mlp.js';

export const builtinNetworks: readonly NetworkExtension[] = [mlp, dcganGenerator, dcganCritic];
