import { ipmganPlugin as wganPlugin } from '@ipmgan/critic-wgan';
import { corePlugin, type IpmPlugin } from '@ipmgan/core';
import { ipmganPlugin as ganPlugin } from '@ipmgan/disc-gan';
import { ipmganPlugin as ebganPlugin } from '@ipmgan/ebgan';
import { ipmganPlugin as mmdPlugin } from '@ipmgan/mmd';
import { experimentsPlugin } from './experimentsPlugin.js';

/** Everything the experiments resolve configs against: core, the four objectives, and the toy generators. */
export const experimentPlugins: readonly IpmPlugin[] = [
  corePlugin,
  wganPlugin,
  ganPlugin,
  ebganPlugin,
  mmdPlugin,
  experimentsPlugin,
];
