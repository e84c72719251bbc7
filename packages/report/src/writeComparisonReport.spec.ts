import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { formatSummaryTable } from './formatSummaryTable.js';
import { writeFixtureRun, type FixtureRun } from './testing/writeFixtureRun.js';
import { writeComparisonReport } from './writeComparisonReport.js';

const POINTS = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
] as const;

function wganRun(seed: number, w1: readonly [number, number], ms: number): FixtureRun {
  // Estimates at the evaluated iterations 20 and 40 fall while W1 falls: Spearman +1.
  return {
    objective: 'wgan',
    seed,
    estimates: [0.5, 0.4, 0.35, 0.3],
    msPerIteration: ms,
    evaluations: { 20: { w1: w1[0], modesCovered: 6 }, 40: { w1: w1[1], modesCovered: seed === 1 ? 8 : 6 } },
    samples: { 40: POINTS },
  };
}

test('two wgan seeds and one mmd run: mean ± se per objective, separate estimate panels, an aligned table', async (t) => {
  const fixtures = [
    { label: 'wgan', fixture: wganRun(1, [0.6, 0.2], 100) },
    { label: 'wgan', fixture: wganRun(2, [0.7, 0.4], 120) },
    // MMD's estimate rises while W1 falls: Spearman -1.
    {
      label: 'mmd',
      fixture: {
        objective: 'mmd',
        seed: 1,
        estimates: [0.01, 0.02],
        msPerIteration: 30,
        evaluations: { 10: { w1: 0.5 }, 20: { w1: 0.3 } },
        samples: { 20: POINTS },
      } satisfies FixtureRun,
    },
  ];
  const runs = fixtures.map(({ label, fixture }) => ({
    label,
    seed: fixture.seed,
    directory: writeFixtureRun(fixture),
  }));
  const out = mkdtempSync(join(tmpdir(), 'ipmgan-comparison-'));
  t.teardown(() => {
    for (const directory of [out, ...runs.map((r) => r.directory)]) rmSync(directory, { recursive: true, force: true });
  });
  const report = await writeComparisonReport(out, runs, { title: 'wgan vs mmd' });

  const [wgan, mmd] = report.rows;
  t.is(wgan?.label, 'wgan');
  t.deepEqual(wgan?.seeds, [1, 2]);
  // Final W1 0.2 and 0.4: mean 0.3, sd sqrt(0.02), se sqrt(0.02 / 2) = 0.1.
  t.true(Math.abs((wgan?.cells.w1?.mean ?? 0) - 0.3) < 1e-12);
  t.true(Math.abs((wgan?.cells.w1?.se ?? 0) - 0.1) < 1e-12);
  // 100 and 120 ms: mean 110, se 10.
  t.true(Math.abs((wgan?.cells.msPerIteration?.mean ?? 0) - 110) < 1e-9);
  t.true(Math.abs((wgan?.cells.msPerIteration?.se ?? 0) - 10) < 1e-9);
  t.deepEqual(wgan?.cells.meaningfulLoss, { mean: 1, se: 0, n: 2 });
  t.is(wgan?.cells.mmd2, null);
  t.is(mmd?.estimateName, 'MMD^2');
  t.is(mmd?.cells.meaningfulLoss?.mean, -1);
  t.is(mmd?.cells.w1?.se, null);

  // The terminal's table: columns some row has, the most telling first while they fit 100 columns.
  t.is(
    report.table,
    [
      'objective  estimate  seeds         W1  modes  ρ(estimate, W1)   ms/iter',
      '---------  --------  -----  ---------  -----  ---------------  --------',
      'wgan       W1*K          2  0.3 ± 0.1  7 ± 1            1 ± 0  110 ± 10',
      'mmd        MMD^2         1    0.3 ± —    n/a           -1 ± —    30 ± —',
    ].join('\n'),
  );
  // In 40 columns: 9 + 2 + 8 + 2 + 5 = 26 for objective, estimate and seeds; W1 (2 + 9) fits, modes
  // (2 + 5) would make 44; ρ (15) and ms/iter (8) do not fit either.
  t.is(
    formatSummaryTable(report.rows, 40),
    [
      'objective  estimate  seeds         W1',
      '---------  --------  -----  ---------',
      'wgan       W1*K          2  0.3 ± 0.1',
      'mmd        MMD^2         1    0.3 ± —',
      '(3 more columns in the report)',
    ].join('\n'),
  );

  const html = readFileSync(report.html, 'utf8');
  // Estimates are different distances: one panel each, titled with the estimate's name.
  t.true(html.includes('wgan: W1*K') && html.includes('mmd: MMD^2'));
  t.is(html.match(/<svg /g)?.length, 6);
  // W1: per objective the mean over seeds (wgan at 20: (0.6 + 0.7) / 2) and a band of ± 1 standard error
  // (sd 0.0707 / sqrt 2 = 0.05); mmd has one seed, so its band is empty. Four mean points in all.
  const w1 = /<figure id="figure-w1">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
  t.true(
    w1.includes(
      'W1: 0.6; upper_w1: 0.7; objective: wgan; Mean of W1: 0.65; Mean + stderr of W1: 0.7; Mean - stderr of W1: 0.6',
    ),
  );
  t.is(w1.match(/aria-roledescription="point"/g)?.length, 4);
  // The estimate panels tell seeds apart by colour.
  const estimate = /<figure id="figure-estimate">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
  t.regex(estimate, /legend titled 'seed' for stroke color with 2 values: 1, 2/);
  t.true(html.includes('wgan (seed 1), iteration 40') && html.includes('mmd (seed 1), iteration 20'));
  // Every seed reachable: wgan's seed 2 in a figure of its own, at its last sample file.
  t.true(html.includes('<figure id="figure-samples-other-seeds">') && html.includes('wgan (seed 2), iteration 40'));
  t.true(html.includes('<h1>wgan vs mmd</h1>'));
  t.is(report.figures.length, 6);
  const markdown = readFileSync(report.markdown, 'utf8');
  t.true(markdown.includes('| wgan | W1*K | 2 (1, 2) | 0.3 ± 0.1 |'));
  // The configuration as what differs (one column per objective: its two seeds differ in seed alone) and the shared base.
  const config = markdown.slice(markdown.indexOf('## Configuration'));
  t.true(config.startsWith('## Configuration\n\nWhat differs between the runs:\n\n|  | wgan | mmd |\n'), config);
  t.regex(config, /\n\| objective \| wgan \(@ipmgan\/critic-wgan [^|]+\) \| mmd \(@ipmgan\/mmd [^|]+\) \|\n/);
  t.regex(config, /Shared by every run:\n\n\| field \| value \|\n\| --- \| --- \|\n/);
  t.true(config.includes('\n| data | ring8') && config.includes('\n| seeds | 1, 2 |\n'), config);
  t.false(config.includes('| directory |'));
});

test("a hook's own evaluation metric gets a column, labelled by its name, in the table and both report files", async (t) => {
  const run = (seed: number, gradNorm: readonly [number, number]): FixtureRun => ({
    objective: 'wgan',
    seed,
    estimates: [0.5, 0.4],
    msPerIteration: 10,
    evaluations: { 10: { w1: 0.6, gradNorm: gradNorm[0] }, 20: { w1: 0.5, gradNorm: gradNorm[1], lipschitz: 2 } },
  });
  const runs = [run(1, [9, 1]), run(2, [9, 3])].map((fixture) => ({
    label: 'wgan',
    seed: fixture.seed,
    directory: writeFixtureRun(fixture),
  }));
  const out = mkdtempSync(join(tmpdir(), 'ipmgan-comparison-custom-'));
  t.teardown(() => {
    for (const directory of [out, ...runs.map((r) => r.directory)]) rmSync(directory, { recursive: true, force: true });
  });
  const report = await writeComparisonReport(out, runs, { title: 'custom' });
  // The last evaluation's gradNorm, 1 and 3: mean 2, se sqrt(2 / 2) = 1. K = 2 in both runs.
  t.deepEqual(Object.keys(report.rows[0]?.custom ?? {}), ['gradNorm']);
  t.deepEqual(report.rows[0]?.custom.gradNorm, { mean: 2, se: 1, n: 2 });
  t.deepEqual(report.rows[0]?.cells.lipschitz, { mean: 2, se: 0, n: 2 });
  const [header = '', , row = ''] = report.table.split('\n');
  t.true(header.endsWith('ms/iter  gradNorm'), header);
  t.true(row.endsWith('2 ± 1'), row);
  const markdown = readFileSync(report.markdown, 'utf8');
  t.true(markdown.includes("- gradNorm: a hook's evaluate() metric, at the last evaluation"));
  t.true(markdown.includes('| ms/iter | gradNorm |'));
  t.true(readFileSync(report.html, 'utf8').includes('<th>gradNorm</th>'));
});

test('a run that did not finish is not read: its row counts it ("1 of 3"), a Runs table lists it with its error', async (t) => {
  const finished = wganRun(1, [0.6, 0.2], 100);
  const runs = [
    {
      label: 'wgan',
      seed: 1,
      directory: writeFixtureRun(finished),
      status: { state: 'finished' as const, iteration: 40 },
    },
    // Never read: a killed run's folder may hold anything, or nothing.
    {
      label: 'wgan',
      seed: 2,
      directory: '/nowhere/wgan-seed2',
      status: { state: 'failed' as const, iteration: 17, message: 'worker exited with SIGKILL' },
    },
    {
      label: 'wgan',
      seed: 3,
      directory: '/nowhere/wgan-seed3',
      status: { state: 'not started' as const, iteration: 0 },
    },
  ];
  const out = mkdtempSync(join(tmpdir(), 'ipmgan-comparison-failed-'));
  t.teardown(() => {
    for (const directory of [out, runs[0]?.directory ?? '']) rmSync(directory, { recursive: true, force: true });
  });
  const report = await writeComparisonReport(out, runs, { title: 'with failures' });
  t.deepEqual(report.rows[0]?.seeds, [1]);
  // The finished seed alone: W1 0.2, no standard error.
  t.deepEqual(report.rows[0]?.cells.w1, { mean: 0.2, se: null, n: 1 });
  const markdown = readFileSync(report.markdown, 'utf8');
  t.true(
    markdown.includes('| wgan | W1*K | 1 of 3 (1; seed 2 failed at 17; seed 3 not started at 0) | 0.2 ± — |'),
    markdown,
  );
  t.true(markdown.includes('## Runs'));
  t.true(markdown.includes('| wgan | 2 | failed | 17 | worker exited with SIGKILL |'));
  t.true(markdown.includes('| wgan | 3 | not started | 0 |  |'));
  t.true(markdown.includes('2 runs did not finish and are not in the cells (see Runs).'));
  t.true(readFileSync(report.html, 'utf8').includes('<h2>Runs</h2>'));
});
