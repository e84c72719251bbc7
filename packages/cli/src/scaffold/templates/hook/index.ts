import { definePlugin, IDS, type TrainerHook } from '@ipmgan/core';
import { TemplateHook } from './TemplateHook.js';

export { TemplateHook } from './TemplateHook.js';

/** What ipmgan imports: list the package in `plugins:`; its load() adds the hook to every run. */
export const ipmganPlugin = definePlugin({
  name: 'ipmgan-template-hook',
  version: '0.1.0',
  extensions: [],
  load: ({ bind }) => {
    bind<TrainerHook>(IDS.Evaluator).toConstantValue(new TemplateHook());
  },
});
