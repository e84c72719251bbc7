import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/ConfigError.js';
import { formatIssue } from '../config/formatIssue.js';
import type { RngState } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import type { Trainer } from '../trainer/Trainer.js';
import { refuseNonFiniteState } from '../trainer/checkFiniteState.js';
import { countNonFinite } from './findNonFinite.js';
import { restorePluginState, type PluginStateManifest } from './pluginStateCheckpoint.js';
import { RunDirectory } from './RunDirectory.js';
import { playerVariables, trainerStateTensors } from './trainerStateTensors.js';
import { writeFileAtomic } from './writeFileAtomic.js';

interface TensorEntry {
  readonly name: string;
  readonly shape: number[];
  /** Offset in float32 elements into tensors.bin. */
  readonly offset: number;
}

interface Manifest {
  readonly format: 'ipmgan-checkpoint-1';
  readonly iteration: number;
  readonly elapsedSeconds: number;
  readonly rng: RngState;
  readonly groups: Record<string, TensorEntry[]>;
  /** Plugin streams, JSON state and the names of the "plugin:<key>" groups (absent in older checkpoints). */
  readonly plugins?: PluginStateManifest;
}

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
 * statistics, both optimizers' slots, the random stream and the iteration. The folder is
 * written under a temporary name and renamed, then `latest.json` is replaced atomically.
 */
export async function saveCheckpoint(trainer: Trainer, dir: string): Promise<string> {
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
  const manifest: Manifest = {
    format: 'ipmgan-checkpoint-1',
    iteration: trainer.state.iteration,
    elapsedSeconds: trainer.elapsedSeconds(),
    rng: trainer.state.rng.getState(),
    groups,
    plugins: state.plugins,
  };
  mkdirSync(dir, { recursive: true });
  const name = checkpointName(manifest.iteration);
  const final = join(dir, name);
  const temp = join(dir, `${name}.tmp-${String(process.pid)}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  writeFileSync(join(temp, 'tensors.bin'), new Uint8Array(buffer.buffer));
  writeFileSync(join(temp, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  rmSync(final, { recursive: true, force: true });
  renameSync(temp, final);
  writeFileAtomic(join(dir, 'latest.json'), `${JSON.stringify({ iteration: manifest.iteration, name })}\n`);
  return final;
}

/** The newest complete checkpoint in `dir` (a run's checkpoints/), or null; latest.json validated by RunDirectory. */
export function latestCheckpoint(dir: string): { iteration: number; path: string } | null {
  return new RunDirectory(dirname(dir)).latestCheckpoint();
}

const TensorEntrySchema = z.strictObject({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  offset: z.number().int().nonnegative(),
});

/** manifest.json's core fields; the plugin section is checked by restorePluginState. */
const ManifestSchema = z.looseObject({
  format: z.literal('ipmgan-checkpoint-1'),
  iteration: z.number().int().nonnegative(),
  elapsedSeconds: z.number().nonnegative(),
  rng: z.unknown(),
  groups: z.record(z.string(), z.array(TensorEntrySchema)),
});

/** Reads and validates a checkpoint's manifest.json and tensors.bin, naming the file on any problem. */
function readCheckpointFiles(path: string): { manifest: Manifest; all: Float32Array } {
  const manifestPath = join(path, 'manifest.json');
  const tensorsPath = join(path, 'tensors.bin');
  for (const file of [manifestPath, tensorsPath])
    if (!existsSync(file)) throw new ConfigError(`${file}: missing (an incomplete checkpoint)`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8')) as unknown;
  } catch (error) {
    throw new ConfigError(`${manifestPath}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = ManifestSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`${manifestPath}: ${first ? formatIssue(first) : 'invalid'}`);
  }
  const manifest = raw as Manifest;
  const bytes = readFileSync(tensorsPath);
  if (bytes.byteLength % 4 !== 0)
    throw new ConfigError(`${tensorsPath}: ${String(bytes.byteLength)} bytes is not a whole number of float32 values`);
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  for (const [group, entries] of Object.entries(manifest.groups))
    for (const e of entries) {
      const end = e.offset + e.shape.reduce((a, b) => a * b, 1);
      if (end > all.length)
        throw new ConfigError(
          `${tensorsPath}: ${group}/${e.name} ends at value ${String(end)}, the file holds ${String(all.length)}`,
        );
    }
  return { manifest, all };
}

/**
 * Reads and validates a checkpoint's files without loading them: a resume checks this
 * before it touches the run directory. Throws a one-line error naming the file.
 */
export function verifyCheckpoint(path: string): void {
  const { manifest, all } = readCheckpointFiles(path);
  refuseNonFiniteCheckpoint(path, manifest, all);
}

/** Restores a checkpoint written by saveCheckpoint into a trainer built from the same config. */
export async function loadCheckpoint(trainer: Trainer, path: string): Promise<number> {
  const { manifest, all } = readCheckpointFiles(path);
  refuseNonFiniteCheckpoint(path, manifest, all);
  const read = (e: TensorEntry): tf.Tensor => {
    const size = e.shape.reduce((a, b) => a * b, 1);
    return tf.tensor(all.slice(e.offset, e.offset + size), e.shape);
  };
  for (const group of ['generator', 'critic'] as const) {
    const variables = playerVariables(trainer, group);
    const entries = manifest.groups[group] ?? [];
    if (entries.length !== variables.length)
      throw new Error(`${path}: ${group} has ${String(entries.length)} tensors, the network ${String(variables.length)}`);
    entries.forEach((e, i) => {
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
