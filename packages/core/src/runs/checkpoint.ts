import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RngState } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import type { Trainer } from '../trainer/Trainer.js';
import { collectPluginState, restorePluginState, type PluginStateManifest } from './pluginStateCheckpoint.js';
import { writeFileAtomic } from './writeFileAtomic.js';

interface NamedTensor {
  readonly name: string;
  readonly tensor: tf.Tensor;
}

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

const GROUPS = ['generator', 'critic', 'generatorOptimizer', 'criticOptimizer'] as const;
type Group = (typeof GROUPS)[number];

function variablesOf(trainer: Trainer, group: 'generator' | 'critic'): tf.Variable[] {
  const networks = group === 'generator' ? [trainer.generator.network] : (trainer.critic?.networks ?? []);
  return networks.flatMap((n) => [...n.trainableVariables, ...n.stateVariables]);
}

async function optimizerWeights(optimizer: tf.Optimizer | null): Promise<NamedTensor[]> {
  return optimizer ? optimizer.getWeights() : [];
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
  const named: Record<Group, NamedTensor[]> = {
    generator: variablesOf(trainer, 'generator').map((v) => ({ name: v.name, tensor: v })),
    critic: variablesOf(trainer, 'critic').map((v) => ({ name: v.name, tensor: v })),
    generatorOptimizer: await optimizerWeights(trainer.state.generatorOptimizer),
    criticOptimizer: await optimizerWeights(trainer.state.criticOptimizer),
  };
  const pluginState = collectPluginState(trainer);
  const groups: Record<string, TensorEntry[]> = {};
  const chunks: Float32Array[] = [];
  let offset = 0;
  for (const [group, tensors] of [...GROUPS.map((g) => [g, named[g]] as const), ...pluginState.groups]) {
    groups[group] = tensors.map(({ name, tensor }) => {
      const data = tensor.dataSync() as Float32Array;
      chunks.push(Float32Array.from(data));
      const entry = { name, shape: tensor.shape.slice(), offset };
      offset += data.length;
      return entry;
    });
  }
  // Optimizer getWeights() returns new tensors; variables are not ours to dispose.
  for (const t of [...named.generatorOptimizer, ...named.criticOptimizer]) {
    if (!(t.tensor instanceof tf.Variable)) t.tensor.dispose();
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
    plugins: pluginState.manifest,
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

/** The newest complete checkpoint in `dir`, or null. */
export function latestCheckpoint(dir: string): { iteration: number; path: string } | null {
  const pointer = join(dir, 'latest.json');
  if (!existsSync(pointer)) return null;
  const { iteration, name } = JSON.parse(readFileSync(pointer, 'utf8')) as { iteration: number; name: string };
  return { iteration, path: join(dir, name) };
}

/** Restores a checkpoint written by saveCheckpoint into a trainer built from the same config. */
export async function loadCheckpoint(trainer: Trainer, path: string): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8')) as Manifest;
  if ((manifest as { format?: string }).format !== 'ipmgan-checkpoint-1') throw new Error(`${path}: not an ipmgan checkpoint`);
  const bytes = readFileSync(join(path, 'tensors.bin'));
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const read = (e: TensorEntry): tf.Tensor => {
    const size = e.shape.reduce((a, b) => a * b, 1);
    return tf.tensor(all.slice(e.offset, e.offset + size), e.shape);
  };
  for (const group of ['generator', 'critic'] as const) {
    const variables = variablesOf(trainer, group);
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
