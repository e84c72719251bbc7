import { z } from 'zod';

/**
 * The kernels a run trains with, recorded in its config.resolved.json (`kernels`) and shown in
 * its report. `native: true`: @ipmgan/native's kernels inside the wasm backend (from the
 * prebuilt platform package or a local build), its pool on `threads` threads, each kernel
 * named; the rest are wasm's. `native: false`: the backend's own kernels, and why.
 * Same seed + same kernel set = the same metrics.jsonl; the two sets need not agree bit for bit.
 */
export const KernelSetSchema = z.discriminatedUnion('native', [
  z.strictObject({
    native: z.literal(true),
    source: z.enum(['prebuilt', 'local build']),
    threads: z.number().int().positive(),
    kernels: z.array(z.string().min(1)),
  }),
  z.strictObject({
    native: z.literal(false),
    reason: z.string().min(1),
  }),
]);

export type KernelSet = z.output<typeof KernelSetSchema>;
