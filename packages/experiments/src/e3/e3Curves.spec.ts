import test from 'ava';
import type { MetricsRecord, ResolvedConfig } from '@ipmgan/core/engine';
import { assertClose } from '@ipmgan/core/testing';
import type { RunData } from '@ipmgan/report';
import { e3Curves } from './e3Curves.js';

function record(iteration: number, evaluation?: Record<string, number>): MetricsRecord {
  return {
    iteration,
    criticLoss: null,
    generatorLoss: 0,
    estimateName: 'x',
    estimate: 0,
    elapsedSeconds: iteration,
    ...(evaluation ? { evaluation } : {}),
  };
}

const ev = (massKl: number, largestShare: number, highQuality: number, modesCovered: number, w1: number) => ({
  massKl,
  largestShare,
  highQuality,
  modesCovered,
  w1,
});

function run(label: string, seed: number, metrics: MetricsRecord[]): RunData {
  return { label, seed, directory: '/nowhere', config: {} as ResolvedConfig, amendments: [], metrics, samples: [] };
}

test('means over seeds per objective and evaluation iteration, ascending; unevaluated lines ignored', (t) => {
  const curves = e3Curves([
    run('wgan', 1, [record(200, ev(0.4, 0.5, 0.1, 2, 1)), record(210), record(100, ev(0.8, 0.7, 0, 1, 2))]),
    run('wgan', 2, [record(100, ev(0.6, 0.3, 0.2, 3, 4)), record(200, ev(0.2, 0.25, 0.3, 4, 3))]),
    run('gan', 1, [record(100, ev(1, 1, 1, 1, 0.5))]),
  ]);
  t.deepEqual(
    curves.map((p) => [p.objective, p.iteration, p.seeds]),
    [
      ['wgan', 100, 2],
      ['wgan', 200, 2],
      ['gan', 100, 1],
    ],
  );
  const [first, second] = curves;
  // (0.8 + 0.6) / 2, (0.7 + 0.3) / 2, (0 + 0.2) / 2, (1 + 3) / 2, (2 + 4) / 2
  assertClose(t, first?.massKl ?? Number.NaN, 0.7, 1e-12);
  assertClose(t, first?.largestShare ?? Number.NaN, 0.5, 1e-12);
  assertClose(t, first?.highQuality ?? Number.NaN, 0.1, 1e-12);
  t.is(first?.modesCovered, 2);
  t.is(first?.w1, 3);
  assertClose(t, second?.massKl ?? Number.NaN, 0.3, 1e-12);
  assertClose(t, second?.largestShare ?? Number.NaN, 0.375, 1e-12);
});

test('an evaluation logged before massKl existed leaves that mean NaN, not 0', (t) => {
  const [p] = e3Curves([run('wgan', 1, [record(100, { w1: 1, modesCovered: 8, highQuality: 0.5 })])]);
  t.true(Number.isNaN(p?.massKl));
  t.is(p?.modesCovered, 8);
});
