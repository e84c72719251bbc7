import { z } from 'zod';
import { OptimizerConfigSchema } from '../optimizers/OptimizerConfig.js';
import { ScheduleConfigSchema } from '../trainer/ScheduleConfig.js';
import { SweepSchema } from './SweepSchema.js';

/** A pluggable piece named in the config: an id (or alias) and its options. */
export const ExtensionRefSchema = z.strictObject({
  name: z.string().min(1),
  options: z.record(z.string(), z.unknown()).default({}),
});

/**
 * The config file as a user writes it. Plugin options stay opaque here and are validated
 * by the schema of the plugin they name (see resolveConfig). Documented field by field in
 * docs/configuration.md.
 */
export const ConfigSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." or "-"')
    .default('run'),
  seed: z.number().int().min(0).max(4294967295).default(0),
  backend: z.enum(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu']).default('wasm'),
  /**
   * Threads of the wasm backend: 1 (one core, tfjs's single-threaded build), a number up to 8,
   * or 'auto' (the machine's cores). `ipmgan compare` divides the cores between its workers.
   */
  threads: z.union([z.literal('auto'), z.number().int().min(1).max(8)]).default(1),
  /**
   * The native kernels of @ipmgan/native inside the wasm backend: 'auto' uses them when they
   * load, 'on' fails when they cannot, 'off' never loads them. IPMGAN_NATIVE=0 means 'off'.
   */
  native: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Extra packages that provide data sources, networks or constraints. */
  plugins: z.array(z.string().min(1)).default([]),
  /** Required by `ipmgan train`; `ipmgan compare` fills it from `compare.objectives`. */
  objective: ExtensionRefSchema.optional(),
  data: ExtensionRefSchema,
  generator: z
    .strictObject({
      noise: z
        .strictObject({
          distribution: z.enum(['gaussian', 'uniform']).default('gaussian'),
          dimension: z.number().int().positive().default(2),
        })
        .default({ distribution: 'gaussian', dimension: 2 }),
      network: ExtensionRefSchema.default({ name: 'mlp', options: {} }),
    })
    .default({ noise: { distribution: 'gaussian', dimension: 2 }, network: { name: 'mlp', options: {} } }),
  critic: z
    .strictObject({
      /** Default: the form the objective requires (its `requires.critic`); naming another is an error. */
      form: z.enum(['score', 'features', 'autoencoder']).optional(),
      network: ExtensionRefSchema.default({ name: 'mlp', options: {} }),
      /** Autoencoder form only: the decoder, from the code back to a data point. */
      decoder: ExtensionRefSchema.optional(),
      /** Autoencoder form only: the size of the code. */
      codeSize: z.number().int().positive().default(32),
      constraints: z.array(ExtensionRefSchema).optional(),
    })
    .default({ network: { name: 'mlp', options: {} }, codeSize: 32 }),
  training: z
    .strictObject({
      iterations: z.number().int().positive().default(1000),
      batchSize: z.number().int().positive().optional(),
      schedule: ScheduleConfigSchema.optional(),
      optimizers: z
        .strictObject({ critic: OptimizerConfigSchema.optional(), generator: OptimizerConfigSchema.optional() })
        .default({}),
    })
    .default({ iterations: 1000, optimizers: {} }),
  run: z
    .strictObject({
      dir: z.string().min(1).default('runs'),
      /** Write a metrics.jsonl line (with the objective's estimate) every this many iterations. */
      logEvery: z.number().int().positive().default(10),
      /** Checkpoint every this many iterations; 0 checkpoints only at the end. */
      checkpointEvery: z.number().int().nonnegative().default(0),
      /** Write generated samples every this many iterations; 0 only at the end. */
      sampleEvery: z.number().int().nonnegative().default(0),
      sampleCount: z.number().int().positive().default(512),
      /** Run the evaluator hooks every this many iterations (and at the last); 0 never. */
      evaluateEvery: z.number().int().nonnegative().default(0),
      /** Also write TensorBoard events (scalars of every metric, sample sheets) into <run>/tensorboard/. */
      tensorboard: z.boolean().default(false),
    })
    .default({
      dir: 'runs',
      logEvery: 10,
      checkpointEvery: 0,
      sampleEvery: 0,
      sampleCount: 512,
      evaluateEvery: 0,
      tensorboard: false,
    }),
  /** Sample-quality metrics measured every `run.evaluateEvery` iterations, independent of the objective. */
  evaluation: z
    .strictObject({
      /** Generated and real samples per evaluation (exact W1 solves an n x n assignment). */
      samples: z.number().int().positive().max(4096).default(512),
      /** Random directions for the sliced Wasserstein distance. */
      projections: z.number().int().positive().default(128),
      /** Gaussian kernel bandwidths s of the MMD metric, k = sum_s exp(-d^2 / (2 s^2)); default: median heuristic on a fixed real sample. */
      bandwidths: z.array(z.number().positive()).min(1).optional(),
      /** Estimate the critic's Lipschitz constant K (largest gradient norm) at each evaluation. */
      lipschitz: z.boolean().default(true),
    })
    .default({ samples: 512, projections: 128, lipschitz: true }),
  /** `ipmgan compare`: the objectives to run side by side on everything else in this file. */
  compare: z
    .strictObject({
      objectives: z.array(z.union([z.string().min(1), ExtensionRefSchema])).min(1),
      /** One run per objective and seed; default: the top-level seed. */
      seeds: z.array(z.number().int().min(0).max(4294967295)).min(1).optional(),
      /** Iterations whose samples the report plots (default: four spread over the run). */
      plotIterations: z.array(z.number().int().positive()).optional(),
      /** Settings every objective and seed runs at: a grid over config paths, or a list (docs/configuration.md, Sweeps). */
      sweep: SweepSchema.optional(),
    })
    .optional(),
});

export type Config = z.input<typeof ConfigSchema>;
export type ParsedConfig = z.output<typeof ConfigSchema>;
