import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrainerHook } from '@ipmgan/core';
import { corePlugin, openRun, resolveConfig, RunDirectory } from '@ipmgan/core/engine';
import { ipmganPlugin } from '@ipmgan/critic-wgan';
import test from 'ava';
import { customMetricNames } from './customMetricNames.js';
import { writeRunReport } from './writeRunReport.js';

test("core's evaluator keys are columns of their own; only a hook's names are custom", (t) => {
  const evaluation = { w1: 1, slicedW1: 1, mmd2: 1, modesCovered: 1, highQuality: 1, reverseKl: 1, lipschitz: 1 };
  const record = { iteration: 1, criticLoss: 0, generatorLoss: 0, estimateName: 'x', estimate: 0, elapsedSeconds: 1 };
  t.deepEqual(
    customMetricNames([
      { metrics: [{ ...record, evaluation: { ...evaluation, estimateOverK: 1, zeta: 2 } }] },
      { metrics: [{ ...record, evaluation: { alpha: 3 } }, { ...record }] },
    ]),
    ['zeta', 'alpha'],
  );
});

test.serial("a hook's evaluate() metric flows from training through metrics.jsonl into the run report", async (t) => {
  const plugins = [corePlugin, ipmganPlugin];
  const root = mkdtempSync(join(tmpdir(), 'ipmgan-custom-metric-'));
  t.teardown(() => {
    rmSync(root, { recursive: true, force: true });
  });
  // iteration / 4 at the evaluations 4 and 8: the report shows the last, 2.
  const hook: TrainerHook = { name: 'quarter', evaluate: (_, iteration) => ({ quarter: iteration / 4 }) };
  const config = resolveConfig(
    {
      backend: 'cpu',
      objective: { name: 'wgan' },
      data: { name: 'ring8' },
      generator: { network: { name: 'mlp', options: { hidden: [8] } } },
      critic: { network: { name: 'mlp', options: { hidden: [8] } } },
      training: { iterations: 8, schedule: { type: 'constant', nCritic: 1 } },
      run: { logEvery: 4, evaluateEvery: 4 },
      evaluation: { samples: 32, projections: 8 },
    },
    plugins,
  );
  const directory = new RunDirectory(join(root, 'run'));
  const run = await openRun({ resolved: config, plugins }, { directory, hooks: [hook] });
  await run.trainer.fit();
  run.dispose();
  t.deepEqual(
    directory.readMetrics().map((m) => m.evaluation?.quarter),
    [1, 2],
  );
  const report = await writeRunReport(directory.path);
  const markdown = readFileSync(report.markdown, 'utf8');
  const table = markdown.split('\n').filter((line) => line.startsWith('| '));
  // After the fixed columns: the hook's metric and core's optional ones (precision ... coverage),
  // in the order the evaluation first names them.
  const cells = (line: string | undefined): string[] => (line ?? '').slice(2, -2).split(' | ');
  const header = cells(table.find((line) => line.startsWith('| objective | estimate |')));
  const row = cells(table.find((line) => line.startsWith('| wgan |')));
  t.deepEqual(header.slice(header.indexOf('ms/iter') + 1).sort(), [
    'coverage',
    'density',
    'precision',
    'quarter',
    'recall',
  ]);
  t.is(row[header.indexOf('quarter')], '2 ± —', markdown);
  t.true(markdown.includes("- quarter: a hook's evaluate() metric, at the last evaluation"), markdown);
  t.true(markdown.includes('- precision: share of generated samples inside a real sample’s 5-NN ball'), markdown);
});
