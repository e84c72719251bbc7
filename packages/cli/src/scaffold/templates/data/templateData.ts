import { tf, type DataSourceExtension } from '@ipmgan/core';
import { z } from 'zod';

const TemplateDataOptions = z.strictObject({
  /** h: samples are uniform on the square [-h, h]^2. */
  halfWidth: z.number().positive().default(1),
});

/** x ~ U[-h, h]^2. Every random choice comes from `rng`, so a seeded run draws the same batches. */
export const templateData: DataSourceExtension<z.output<typeof TemplateDataOptions>> = {
  kind: 'data',
  id: 'template-data',
  description: 'Uniform samples on the square [-halfWidth, halfWidth]^2.',
  optionsSchema: TemplateDataOptions,
  create: ({ halfWidth }) => ({
    id: 'template-data',
    shape: [2],
    definition: `x ~ U[-h, h]^2, h = ${String(halfWidth)}`,
    sample: (n, rng) =>
      tf.tensor2d(
        Float32Array.from({ length: 2 * n }, () => (2 * rng.uniform() - 1) * halfWidth),
        [n, 2],
      ),
  }),
};
