import { IDS } from '../identifiers.js';
import { definePlugin } from '../plugins/definePlugin.js';
import type { Trainer } from '../trainer/Trainer.js';
import { CountingTrainer } from './CountingTrainer.js';

/** Example plugin (docs/plugin-services.md): rebinds IDS.Trainer to CountingTrainer. */
export const countingTrainerPlugin = definePlugin({
  name: 'example-counting-trainer',
  version: '0.0.0',
  extensions: [],
  load: ({ rebind }) => {
    rebind<Trainer>(IDS.Trainer).to(CountingTrainer).inSingletonScope();
  },
});
