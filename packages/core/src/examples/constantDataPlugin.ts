import type { DataSource } from '../contracts/DataSource.js';
import { IDS } from '../identifiers.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';

/**
 * Example plugin (docs/plugin-services.md): replaces the run's data source with a point
 * mass at `point`, whatever `data.name` says. It rebinds IDS.DataSource; the generator,
 * critic, trainer and evaluators all receive the replacement. `requests` counts the
 * batches drawn, so a test can see training go through it.
 */
export function constantDataPlugin(point: readonly number[]): {
  readonly plugin: ReturnType<typeof definePlugin>;
  readonly requests: number[];
} {
  const requests: number[] = [];
  const source: DataSource = {
    id: 'constant',
    shape: [point.length],
    definition: `x = (${point.join(', ')}) with probability 1`,
    sample(n) {
      requests.push(n);
      return tf.tidy(() => tf.tile(tf.tensor2d([[...point]]), [n, 1])); // [n, d]
    },
  };
  const plugin = definePlugin({
    name: 'example-constant-data',
    version: '0.0.0',
    extensions: [],
    load: ({ rebind }) => {
      rebind<DataSource>(IDS.DataSource).toConstantValue(source);
    },
  });
  return { plugin, requests };
}
