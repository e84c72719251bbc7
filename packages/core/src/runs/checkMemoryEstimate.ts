import { totalmem } from 'node:os';
import { ConfigError } from '../config/ConfigError.js';
import type { ResolvedConfig, ResolvedRef } from '../config/ResolvedConfig.js';
import type { NetworkSize } from '../contracts/Extension.js';
import type { ExtensionRegistry } from '../plugins/ExtensionRegistry.js';

/** What tfjs-backend-wasm's heap can grow to (emscripten's getHeapMax): 4 GiB less one 64 KiB page. */
const WASM_HEAP_BYTES = 4294901760;

const gigabytes = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

/**
 * Refuses, before any network is built or run directory created, a config whose training
 * step cannot fit: the wasm backend's 4 GiB heap, or the machine's memory for the others.
 * The estimate (float32) counts each network's weights 4 times (values, gradients and two
 * optimizer slots) and twice the activations of a step (forward values and their gradients):
 * the generator on a batch, the critic (and decoder) on a real and a fake batch, plus both
 * batches of data. Networks that do not implement estimateSize count 0, so the check can
 * only refuse what would certainly fail (tfjs reports "memory access out of bounds" or
 * "Invalid typed array length" otherwise, mid-step).
 */
export function checkMemoryEstimate(
  config: ResolvedConfig,
  dataShape: readonly number[],
  registry: ExtensionRegistry,
): void {
  const { batchSize } = config.training;
  const { critic } = config;
  const parts: { field: string; ref: ResolvedRef; inputShape: number[]; outputShape: number[]; batches: number }[] = [
    {
      field: 'generator.network',
      ref: config.generator.network,
      inputShape: [config.generator.noise.dimension],
      outputShape: [...dataShape],
      batches: 1,
    },
  ];
  if (critic) {
    const code = critic.form === 'autoencoder' ? [critic.codeSize] : critic.form === 'features' ? [critic.features ?? 1] : [1];
    parts.push({ field: 'critic.network', ref: critic.network, inputShape: [...dataShape], outputShape: code, batches: 2 });
    if (critic.decoder)
      parts.push({
        field: 'critic.decoder',
        ref: critic.decoder,
        inputShape: code,
        outputShape: [...dataShape],
        batches: 2,
      });
  }
  const sized = parts.flatMap((part) => {
    const extension = registry.get('network', part.ref.name, `${part.field}.name`);
    const size: NetworkSize | undefined = extension.estimateSize?.(part.ref.options, part);
    return size ? [{ ...part, size }] : [];
  });
  const dataFloats = 2 * batchSize * dataShape.reduce((a, b) => a * b, 1);
  const floats =
    dataFloats +
    sized.reduce((sum, p) => sum + 4 * p.size.weights + 2 * p.batches * batchSize * p.size.activationsPerSample, 0);
  const bytes = 4 * floats;
  const limit = config.backend === 'wasm' ? WASM_HEAP_BYTES : totalmem();
  if (bytes <= limit) return;
  const where = config.backend === 'wasm' ? "the wasm backend's 4.3 GB heap" : `this machine's ${gigabytes(limit)}`;
  const networks = sized
    .map((p) => `${p.field} ${String(p.size.weights)} weights and ${String(p.size.activationsPerSample)} activations per sample`)
    .join(', ');
  throw new ConfigError(
    `training.batchSize, ${sized.map((p) => `${p.field}.options`).join(', ')}: a training step needs about ${gigabytes(bytes)} of float32 tensors ` +
      `(batch ${String(batchSize)}; ${networks}), more than ${where}; lower training.batchSize or the network widths`,
  );
}
