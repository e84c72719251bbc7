import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { Config } from '../config/ConfigSchema.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import type { Run } from '../runs/createRun.js';
import { openRun } from '../runs/openRun.js';
import { RunDirectory } from '../runs/RunDirectory.js';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import type { StepResult } from '../trainer/StepResult.js';
import { SampleQualityEvaluator } from './SampleQualityEvaluator.js';

const plugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective] })];
const small = { name: 'mlp', options: { hidden: [8] } };
const parent = mkdtempSync(join(tmpdir(), 'ipmgan-evaluator-'));

test.after.always(() => {
  rmSync(parent, { recursive: true, force: true });
});

function config(evaluateEvery: number, objectiveOptions: Record<string, unknown> = {}): Config {
  return {
    backend: 'cpu',
    seed: 3,
    objective: { name: 'linear-gap', options: objectiveOptions },
    data: { name: 'ring8' },
    generator: { network: small },
    critic: { network: small },
    training: { iterations: 20 },
    run: { logEvery: 10, evaluateEvery },
    evaluation: { samples: 64, projections: 16, lipschitz: true },
  };
}

function weights(run: Run): number[][] {
  const variables = [...run.trainer.generator.trainableVariables, ...(run.trainer.critic?.trainableVariables ?? [])];
  return variables.map((v) => Array.from(v.dataSync()));
}

// The keys of a run without a critic, in the order the evaluator writes them; a critic adds two.
const NO_CRITIC_KEYS = [
  'w1',
  'slicedW1',
  'mmd2',
  'precision',
  'recall',
  'density',
  'coverage',
  'modesCovered',
  'highQuality',
  'reverseKl',
  'massKl',
  'largestShare',
];
const KEYS = [...NO_CRITIC_KEYS, 'lipschitz', 'estimateOverK'];

test.serial('a short run writes every evaluation key, finite, into metrics.jsonl at 10 and 20', async (t) => {
  const dir = new RunDirectory(join(parent, 'with-critic'));
  const run = await openRun({ config: config(10), plugins }, { directory: dir });
  await run.trainer.fit();
  const records = dir.readMetrics();
  t.deepEqual(
    records.map((r) => r.iteration),
    [10, 20],
  );
  for (const record of records) {
    const evaluation = record.evaluation ?? {};
    t.deepEqual(Object.keys(evaluation).sort(), [...KEYS].sort());
    for (const key of KEYS) t.true(Number.isFinite(evaluation[key]), `${key} = ${String(evaluation[key])}`);
    t.true((evaluation.w1 ?? 0) > 0 && (evaluation.slicedW1 ?? 0) <= (evaluation.w1 ?? 0));
    t.true((evaluation.highQuality ?? -1) >= 0 && (evaluation.highQuality ?? 2) <= 1);
    t.true((evaluation.lipschitz ?? 0) > 0);
    assertClose(t, evaluation.estimateOverK ?? Number.NaN, record.estimate / (evaluation.lipschitz ?? 1), 1e-12);
  }
  run.dispose();
});

test.serial('training is byte-identical with and without evaluation', async (t) => {
  const collect = (): {
    steps: StepResult[];
    hook: { name: string; afterGeneratorStep: (_: unknown, s: StepResult) => void };
  } => {
    const steps: StepResult[] = [];
    return { steps, hook: { name: 'collect', afterGeneratorStep: (_, s) => void steps.push(s) } };
  };
  const plain = collect();
  const evaluated = collect();
  const a = await openRun({ config: config(0), plugins }, { directory: null, hooks: [plain.hook] });
  const b = await openRun({ config: config(10), plugins }, { directory: null, hooks: [evaluated.hook] });
  await a.trainer.fit();
  await b.trainer.fit();
  t.truthy(evaluated.steps[9]?.evaluation?.w1);
  t.is(plain.steps[9]?.evaluation, undefined);
  const strip = (steps: StepResult[]): unknown[] => steps.map(({ evaluation: _, ...rest }) => rest);
  t.deepEqual(strip(evaluated.steps), strip(plain.steps));
  t.deepEqual(weights(b), weights(a));
  t.deepEqual(b.trainer.state.rng.getState(), a.trainer.state.rng.getState());
  a.dispose();
  b.dispose();
});

test.serial('no critic: no lipschitz keys; evaluations are reproducible and leak no tensors', async (t) => {
  const run = await openRun(
    { config: config(10, { withoutCritic: true }), plugins },
    {
      directory: null,
    },
  );
  await run.trainer.step();
  const evaluator = new SampleQualityEvaluator();
  const before = tf.memory().numTensors;
  const first = evaluator.evaluate(run.trainer, 1);
  t.is(tf.memory().numTensors, before);
  t.deepEqual(Object.keys(first), NO_CRITIC_KEYS);
  t.deepEqual(evaluator.evaluate(run.trainer, 1), first);
  t.deepEqual(new SampleQualityEvaluator().evaluate(run.trainer, 1), first);
  t.not(evaluator.evaluate(run.trainer, 2).w1, first.w1);
  t.is(tf.memory().numTensors, before);
  run.dispose();
});

test.serial('evaluation.bandwidths replaces the median heuristic', async (t) => {
  const base = config(10, { withoutCritic: true });
  const wide = { ...base, evaluation: { samples: 64, projections: 16, bandwidths: [1e6] } };
  const run = await openRun({ config: wide, plugins }, { directory: null });
  // With s = 1e6 the kernel is 1 - d^2 / 2e12 ~ 1 for every pair: all three terms ~1, MMD^2 ~ 0.
  assertClose(t, new SampleQualityEvaluator().evaluate(run.trainer, 1).mmd2 ?? Number.NaN, 0, 1e-9);
  run.dispose();
});
