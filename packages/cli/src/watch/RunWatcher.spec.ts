import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corePlugin, resolveConfig, type MetricsRecord } from '@ipmgan/core/engine';
import { ipmganPlugin as wganPlugin } from '@ipmgan/critic-wgan';
import test from 'ava';
import { RunWatcher } from './RunWatcher.js';

/** metrics.jsonl lines at `iterations`, 20 iterations per second after a 2 s start. */
function lines(iterations: readonly number[]): string {
  return iterations
    .map((iteration): MetricsRecord => ({
      iteration,
      criticLoss: -iteration / 100,
      generatorLoss: iteration / 100,
      estimateName: 'W1*K',
      estimate: iteration / 1000,
      elapsedSeconds: 2 + iteration / 20,
      ...(iteration % 50 === 0 ? { evaluation: { w1: 1 / iteration } } : {}),
    }))
    .map((r) => `${JSON.stringify(r)}\n`)
    .join('');
}

test('a run followed from its files: points as they are appended, rate and ETA from elapsedSeconds, state from the clock', (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'ipmgan-watch-'));
  t.teardown(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  const config = resolveConfig(
    {
      name: 'w',
      seed: 3,
      objective: { name: 'wgan' },
      data: { name: 'ring8' },
      training: { iterations: 100 },
      run: { logEvery: 10 },
    },
    [corePlugin, wganPlugin],
  );
  writeFileSync(join(directory, 'config.resolved.json'), JSON.stringify(config));
  const watcher = new RunWatcher({ id: 'w', name: 'w', label: 'wgan', seed: null, settings: {}, directory });
  const metrics = join(directory, 'metrics.jsonl');

  const empty = watcher.poll();
  t.is(empty.view.state, 'queued');
  t.deepEqual([empty.view.seed, empty.view.target, empty.view.iteration], [3, 100, 0]);

  writeFileSync(metrics, lines([10, 20, 30, 40, 50]));
  const written = statSync(metrics).mtimeMs;
  const first = watcher.poll(written + 1000);
  t.deepEqual(
    first.points.map((p) => p.iteration),
    [10, 20, 30, 40, 50],
  );
  t.false(first.reset);
  t.is(first.view.state, 'running');
  // (50 - 10) iterations in (4.5 - 2.5) s; (100 - 50) / 20 s to go.
  t.is(first.view.rate, 20);
  t.is(first.view.eta, 2.5);
  t.is(first.view.estimateName, 'W1*K');
  t.is(first.view.estimate, 0.05);
  t.is(first.view.w1, 1 / 50);
  t.is(first.points[4]?.w1, 1 / 50);
  t.is(first.points[3]?.w1, undefined);

  const unchanged = watcher.poll(written + 1000);
  t.deepEqual(unchanged.points, [], 'nothing new, nothing sent');
  // No line for 31 s, beyond max(30 s, 5 logging intervals of 0.5 s): stalled.
  const stalled = watcher.poll(written + 31_000);
  t.is(stalled.view.state, 'stalled');
  t.is(stalled.view.message, 'no new line for 31 s');
  t.is(stalled.view.eta, null);

  appendFileSync(metrics, lines([60, 70, 80, 90, 100]));
  const end = watcher.poll();
  t.deepEqual(
    end.points.map((p) => p.iteration),
    [60, 70, 80, 90, 100],
  );
  t.false(end.reset);
  t.is(end.view.state, 'finished');
  // The last ten intervals: (100 - 10) / (7 - 2.5) s.
  t.is(end.view.rate, 20);

  // A resume truncates metrics.jsonl to its checkpoint: the page starts the run's curves again.
  writeFileSync(metrics, lines([10, 20, 30]));
  const resumed = watcher.poll();
  t.true(resumed.reset);
  t.deepEqual(
    resumed.points.map((p) => p.iteration),
    [10, 20, 30],
  );
  t.is(resumed.view.iteration, 30);
  t.deepEqual(
    watcher.allPoints().map((p) => p.iteration),
    [10, 20, 30],
  );

  writeFileSync(join(directory, 'config.resolved.json'), '{');
  const other = new RunWatcher({ id: 'x', name: 'x', label: 'x', seed: null, settings: {}, directory });
  const broken = other.poll();
  t.is(broken.view.state, 'unreadable');
  t.regex(broken.view.message ?? '', /config\.resolved\.json: not valid JSON/);
});
