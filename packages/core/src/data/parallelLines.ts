import { z } from 'zod';
import type { DataSource } from '../contracts/DataSource.js';
import { defineDataSource } from './defineDataSource.js';
import { drawSamples } from './drawSamples.js';

const optionsSchema = z.strictObject({
  /**
   * x coordinate of the line. 0 gives the paper's P_0; offset theta gives its P_theta,
   * the law of g_theta(Z) = (theta, Z), so W(P_0, P_theta) = |theta|.
   */
  offset: z.number().default(0),
});

/** WGAN paper, Example 1 ("learning parallel lines"): P_0 = (0, Z), Z ~ U[0, 1]. */
export const parallelLines = defineDataSource({
  kind: 'data',
  id: 'parallel-lines',
  description:
    'WGAN paper Example 1: the vertical segment (offset, Z), Z ~ U[0, 1]; offset 0 is P_0. Against g_theta(z) = (theta, z): W = |theta - offset|, JS = log 2, TV = 1, KL infinite for theta != offset.',
  optionsSchema,
  create: ({ offset }): DataSource => ({
    id: 'parallel-lines',
    shape: [2],
    definition: `(offset, Z), Z ~ U[0, 1]; offset ${offset} (WGAN paper Example 1, P_0 when offset = 0)`,
    sample: (n, rng) =>
      drawSamples(n, [2], rng, (out, i, r) => {
        out[i] = offset;
        out[i + 1] = r.uniform();
      }),
  }),
});
