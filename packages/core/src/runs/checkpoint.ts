import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/ConfigError.js';
import { formatIssue } from '../config/formatIssue.js';
import type { SlottedOptimizer } from '../optimizers/SlottedOptimizer.js';
import type { RngState } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import type { Trainer } from '../trainer/Trainer.js';
import { refuseNonFiniteState } from '../trainer/checkFiniteState.js';
import { countNonFinite } from './findNonFinite.js';
import { checkPluginState, restorePluginState, type PluginStateManifest } from './pluginStateCheckpoint.js';
import { RunDirectory } from './RunDirectory.js';
import { playerVariables, trainerStateTensors } from './trainerStateTensors.js';

const FORMAT = 'ipmgan-checkpoint-2';

interface TensorEntry {
  readonly name: string;
  readonly shape: number[];
  /** Offset in float32 elements into tensors.bin. */
  readonly offset: number;
}

interface Manifest {
  readonly format: typeof FORMAT;
  readonly iteration: number;
  readonly elapsedSeconds: number;
  readonly rng: RngState;
  readonly groups: Record<string, TensorEntry[]>;
  /** Plugin streams, JSON state and the names of the "plugin:<key>" groups. */
  readonly plugins: PluginStateManifest;
  /** Every other file of the checkpoint with its size and SHA-256. */
  readonly files: { readonly 'tensors.bin': { readonly bytes: number; readonly sha256: string } };
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Throws when a checkpoint's tensors hold NaN or infinite values: such a checkpoint cannot be used. */
function refuseNonFiniteCheckpoint(path: string, manifest: Manifest, all: Float32Array): void {
  const count = countNonFinite(all);
  if (count === 0) return;
  const entries = Object.entries(manifest.groups).flatMap(([group, list]) => list.map((e) => ({ group, ...e })));
  const first = entries.find((e) => {
    const size = e.shape.reduce((a, b) => a * b, 1);
    return countNonFinite(all.subarray(e.offset, e.offset + size)) > 0;
  });
  const where = first ? ` (first in ${first.group}/${first.name})` : '';
  throw new Error(`${path}: the checkpoint holds ${String(count)} non-finite values${where}; it cannot be used`);
}

/** The name of the checkpoint folder for an iteration. */
export function checkpointName(iteration: number): string {
  return `iter-${String(iteration).padStart(7, '0')}`;
}

/**
 * Saves everything needed to continue exactly: both players' weights and batch-norm
 * statistics, both optimizers' slots, the random stream and the iteration. manifest.json
 * carries the size and SHA-256 of tensors.bin and its own SHA-256 (of the manifest without
 * that field), so a resume can tell a damaged or altered checkpoint from a good one. The run
 * directory writes the folder under a temporary name, renames it, then replaces latest.json.
 */
export async function saveCheckpoint(trainer: Trainer, directory: RunDirectory): Promise<string> {
  const state = await trainerStateTensors(trainer);
  const groups: Record<string, TensorEntry[]> = {};
  const chunks: Float32Array[] = [];
  let offset = 0;
  try {
    // A checkpoint is what resume, eval and sample trust: never write a non-finite one.
    refuseNonFiniteState(state, trainer.state.iteration, 'refusing to checkpoint: the training state');
    for (const [group, tensors] of state.groups) {
      groups[group] = tensors.map(({ name, tensor }) => {
        const data = tensor.dataSync() as Float32Array;
        chunks.push(Float32Array.from(data));
        const entry = { name, shape: tensor.shape.slice(), offset };
        offset += data.length;
        return entry;
      });
    }
  } finally {
    state.dispose();
  }
  const buffer = new Float32Array(offset);
  let at = 0;
  for (const c of chunks) {
    buffer.set(c, at);
    at += c.length;
  }
  const tensors = new Uint8Array(buffer.buffer);
  const manifest: Manifest = {
    format: FORMAT,
    iteration: trainer.state.iteration,
    elapsedSeconds: trainer.elapsedSeconds(),
    rng: trainer.state.rng.getState(),
    groups,
    plugins: state.plugins,
    files: { 'tensors.bin': { bytes: tensors.byteLength, sha256: sha256(tensors) } },
  };
  const body = JSON.stringify(manifest);
  const sealed = `${JSON.stringify({ ...manifest, sha256: sha256(body) })}\n`;
  return directory.writeCheckpoint(manifest.iteration, [
    { name: 'tensors.bin', data: tensors },
    { name: 'manifest.json', data: sealed },
  ]);
}

// An RNG word as Rng.getState gives it (uint32) or as older writers stored it (int32).
const RngWord = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 32 - 1);
const RngStateSchema = z.tuple([RngWord, RngWord, RngWord, RngWord]);

const TensorEntrySchema = z.strictObject({
  name: z.string().min(1),
  shape: z.array(z.number().int().nonnegative()),
  offset: z.number().int().nonnegative(),
});

/** manifest.json; the plugins' JSON state is checked by the plugins' restore(). */
const ManifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  iteration: z.number().int().nonnegative(),
  elapsedSeconds: z.number().nonnegative(),
  rng: RngStateSchema,
  groups: z.record(z.string(), z.array(TensorEntrySchema)),
  plugins: z.strictObject({
    streams: z.record(z.string(), RngStateSchema),
    json: z.record(z.string(), z.unknown()),
  }),
  files: z.strictObject({
    'tensors.bin': z.strictObject({
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
    }),
  }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
});

/** Parses and checks manifest.json by itself: format, its own SHA-256, fields, and its iteration against its folder. */
function readManifest(path: string): Manifest {
  const manifestPath = join(path, 'manifest.json');
  if (!existsSync(manifestPath)) throw new ConfigError(`${manifestPath}: missing (an incomplete checkpoint)`);
  const text = readFileSync(manifestPath, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${manifestPath}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw === 'object' && raw !== null && 'format' in raw && raw.format === 'ipmgan-checkpoint-1')
    throw new ConfigError(
      `${manifestPath}: format ipmgan-checkpoint-1 has no checksums, so it cannot be verified; such checkpoints are refused (train the run again)`,
    );
  const parsed = ManifestSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`${manifestPath}: ${first ? formatIssue(first) : 'invalid'}`);
  }
  // The digest covers the manifest as written: every field but itself, in the file's order.
  const { sha256: recorded, ...rest } = raw as Record<string, unknown>;
  if (sha256(JSON.stringify(rest)) !== recorded)
    throw new ConfigError(`${manifestPath}: its SHA-256 does not match its content (the file was altered or damaged)`);
  const manifest = parsed.data as Manifest;
  if (basename(path) !== checkpointName(manifest.iteration))
    throw new ConfigError(
      `${manifestPath}: iteration ${String(manifest.iteration)} does not match its folder ${basename(path)}`,
    );
  return manifest;
}

/** Reads and checks tensors.bin against the manifest: size, SHA-256 and a layout that covers it exactly. */
function readTensors(path: string, manifest: Manifest): Float32Array {
  const tensorsPath = join(path, 'tensors.bin');
  if (!existsSync(tensorsPath)) throw new ConfigError(`${tensorsPath}: missing (an incomplete checkpoint)`);
  const bytes = readFileSync(tensorsPath);
  const expected = manifest.files['tensors.bin'];
  if (bytes.byteLength !== expected.bytes)
    throw new ConfigError(
      `${tensorsPath}: ${String(bytes.byteLength)} bytes, the manifest records ${String(expected.bytes)}`,
    );
  if (sha256(bytes) !== expected.sha256)
    throw new ConfigError(`${tensorsPath}: its SHA-256 does not match the manifest's (the file was altered or damaged)`);
  // saveCheckpoint lays the tensors end to end in manifest order.
  let next = 0;
  for (const [group, entries] of Object.entries(manifest.groups))
    for (const [i, e] of entries.entries()) {
      if (e.offset !== next)
        throw new ConfigError(
          `${join(path, 'manifest.json')}: groups.${group}.${String(i)} (${e.name}) starts at value ${String(e.offset)}, expected ${String(next)}`,
        );
      next += e.shape.reduce((a, b) => a * b, 1);
    }
  if (next * 4 !== bytes.byteLength)
    throw new ConfigError(
      `${tensorsPath}: ${String(bytes.byteLength)} bytes, the manifest's tensors need ${String(next * 4)}`,
    );
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Reads and validates a checkpoint's manifest.json and tensors.bin, naming the file on any problem. */
function readCheckpointFiles(path: string): { manifest: Manifest; all: Float32Array } {
  const manifest = readManifest(path);
  return { manifest, all: readTensors(path, manifest) };
}

/**
 * Reads and validates a checkpoint's files without loading them (format, checksums, layout,
 * iteration against its folder, RNG states, finite values): a resume checks this before it
 * touches the run directory. Throws a one-line error naming the file.
 */
export function verifyCheckpoint(path: string): void {
  const { manifest, all } = readCheckpointFiles(path);
  refuseNonFiniteCheckpoint(path, manifest, all);
}

const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;
const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.join(',') === b.join(',');

/**
 * Checks a checkpoint against the trainer it is about to be loaded into, before any tensor is
 * built from it: every player tensor by count, shape and dtype; each optimizer's step count
 * and slots (names slot<i>/<kind> of the kinds the optimizer keeps, one per variable and kind
 * once it has stepped, each shaped like its variable); the plugins' declared tensors.
 */
function checkAgainstTrainer(trainer: Trainer, path: string, manifest: Manifest, all: Float32Array): void {
  const manifestPath = join(path, 'manifest.json');
  const fail = (what: string): never => {
    throw new ConfigError(`${manifestPath}: ${what}`);
  };
  for (const group of ['generator', 'critic'] as const) {
    const variables = playerVariables(trainer, group);
    const entries = manifest.groups[group] ?? [];
    if (entries.length !== variables.length)
      fail(`${group} has ${String(entries.length)} tensors, the network ${String(variables.length)}`);
    entries.forEach((e, i) => {
      const v = variables[i];
      if (!v) return;
      if (v.dtype !== 'float32') fail(`${group} tensor ${v.name} is ${v.dtype}; checkpoints hold float32`);
      if (!sameShape(e.shape, v.shape))
        fail(`${group}.${String(i)} (${e.name}) is ${shapeText(e.shape)}, the network's ${shapeText(v.shape)}`);
    });
  }
  const optimizers = [
    ['generatorOptimizer', trainer.state.generatorOptimizer, trainer.generator.trainableVariables],
    ['criticOptimizer', trainer.state.criticOptimizer, trainer.critic?.trainableVariables ?? []],
  ] as const;
  for (const [group, optimizer, variables] of optimizers) {
    const entries = manifest.groups[group] ?? [];
    if (!optimizer) {
      if (entries.length > 0) fail(`${group} holds ${String(entries.length)} tensors, the run has no such optimizer`);
      continue;
    }
    if (entries.length === 0) continue;
    const [iter, ...slots] = entries;
    if (iter?.name !== 'iter' || iter.shape.length !== 0)
      fail(`${group}.0 is ${iter?.name ?? 'missing'}, expected the step count "iter" (a scalar)`);
    // tf.Optimizer's Symbol.hasInstance is duck-typed (tf.train.sgd passes instanceof SlottedOptimizer): ask for the kinds.
    const kinds = 'slotKinds' in optimizer ? (optimizer as SlottedOptimizer<string>).slotKinds : [];
    const seen = new Set<string>();
    for (const slot of slots) {
      const match = /^slot(\d+)\/(.+)$/.exec(slot.name);
      const index = Number(match?.[1]);
      const variable = variables[index];
      if (!match || !kinds.includes(match[2] ?? '') || !variable)
        fail(
          `${group} slot "${slot.name}" is not one of slot<0..${String(variables.length - 1)}>/<${kinds.join('|')}>`,
        );
      else if (!sameShape(slot.shape, variable.shape))
        fail(`${group} slot ${slot.name} is ${shapeText(slot.shape)}, its variable ${shapeText(variable.shape)}`);
      if (seen.has(slot.name)) fail(`${group} slot ${slot.name} appears twice`);
      seen.add(slot.name);
    }
    // After the first step every variable has every slot: fewer means some were lost.
    const steps = iter ? (all[iter.offset] ?? 0) : 0;
    const expected = steps > 0 ? kinds.length * variables.length : 0;
    if (slots.length !== expected)
      fail(
        `${group} holds ${String(slots.length)} slots after ${String(steps)} steps, its optimizer keeps ${String(expected)} (${kinds.join(', ') || 'none'} for ${String(variables.length)} variables)`,
      );
  }
  checkPluginState(trainer, manifest.plugins, manifest.groups, manifestPath);
}

/**
 * Restores a checkpoint written by saveCheckpoint into a trainer built from the same config.
 * Everything is checked first (the files, then their fit to this trainer); only then is any
 * tensor built, so a bad checkpoint leaves the trainer as it was.
 */
export async function loadCheckpoint(trainer: Trainer, path: string): Promise<number> {
  const { manifest, all } = readCheckpointFiles(path);
  refuseNonFiniteCheckpoint(path, manifest, all);
  checkAgainstTrainer(trainer, path, manifest, all);
  const read = (e: TensorEntry): tf.Tensor => {
    const size = e.shape.reduce((a, b) => a * b, 1);
    return tf.tensor(all.slice(e.offset, e.offset + size), e.shape);
  };
  for (const group of ['generator', 'critic'] as const) {
    const variables = playerVariables(trainer, group);
    (manifest.groups[group] ?? []).forEach((e, i) => {
      const t = read(e);
      variables[i]?.assign(t);
      t.dispose();
    });
  }
  const optimizers = [
    ['generatorOptimizer', trainer.state.generatorOptimizer],
    ['criticOptimizer', trainer.state.criticOptimizer],
  ] as const;
  for (const [group, optimizer] of optimizers) {
    const entries = manifest.groups[group] ?? [];
    if (!optimizer || entries.length === 0) continue;
    const weights = entries.map((e) => ({ name: e.name, tensor: read(e) }));
    await optimizer.setWeights(weights);
    for (const w of weights) w.tensor.dispose();
  }
  const readNamed = (group: string, name: string): tf.Tensor => {
    const entry = manifest.groups[group]?.find((e) => e.name === name);
    if (!entry) throw new Error(`${path}: no tensor ${name} in ${group}`);
    return read(entry);
  };
  restorePluginState(trainer, manifest.plugins, manifest.groups, readNamed, path);
  trainer.state.rng.setState(manifest.rng);
  trainer.state.iteration = manifest.iteration;
  trainer.state.elapsedBefore = manifest.elapsedSeconds;
  return manifest.iteration;
}
