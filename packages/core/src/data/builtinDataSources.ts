import type { DataSourceExtension } from '../contracts/Extension.js';
import { csvFile } from './csvFile.js';
import { gaussians1d } from './gaussians1d.js';
import { grid25 } from './grid25.js';
import { mnist } from './mnist.js';
import { npyFile } from './npyFile.js';
import { parallelLines } from './parallelLines.js';
import { ring8 } from './ring8.js';
import { swissRoll } from './swissRoll.js';

/** Every data source shipped with @ipmgan/core, registered like plugin ones. */
export const builtinDataSources: readonly DataSourceExtension[] = [
  ring8,
  grid25,
  swissRoll,
  parallelLines,
  gaussians1d,
  mnist,
  csvFile,
  npyFile,
];
