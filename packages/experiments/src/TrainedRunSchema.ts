import { ExtensionRefSchema } from '@ipmgan/core/engine';
import { z } from 'zod';

/**
 * The fields of an experiment trained through core's Trainer (E5, E6, E8, E9; what
 * trainedRunBase reads), with the ring's defaults: WGAN's toy setting, 3x64 MLPs on ring8 from
 * 2-D noise. Each experiment spreads its shape after its name and overrides what differs.
 */
export const TrainedRunSchema = z.strictObject({
  seed: z.number().int().min(0).max(4294967295).default(0),
  backend: z.enum(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu']).default('wasm'),
  data: ExtensionRefSchema.default({ name: 'ring8', options: {} }),
  noiseDimension: z.number().int().positive().default(2),
  generatorNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [64, 64, 64] } }),
  criticNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [64, 64, 64] } }),
});
