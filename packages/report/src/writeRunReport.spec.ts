import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { writeFixtureRun } from './testing/writeFixtureRun.js';
import { writeRunReport } from './writeRunReport.js';

const SCALE = 1 / 1.414;
// Two points near each ring8 centre (radius 2, scaled by 1/1.414).
const RING_POINTS = Array.from({ length: 16 }, (_, k) => {
  const angle = (2 * Math.PI * Math.floor(k / 2)) / 8;
  const jitter = k % 2 === 0 ? 0.03 : -0.03;
  return [2 * SCALE * Math.cos(angle) + jitter, 2 * SCALE * Math.sin(angle) - jitter] as const;
});

function pngSize(path: string): { signature: boolean; width: number; height: number } {
  const png = readFileSync(path);
  return {
    signature: png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
  };
}

/** The inline SVG charts of a report, by figure name. */
function charts(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of html.matchAll(/<figure id="figure-([^"]+)">(.*?)<\/figure>/gs)) {
    const svg = /<svg[\s\S]*<\/svg>/.exec(match[2] ?? '')?.[0];
    if (svg !== undefined) found.set(match[1] ?? '', svg);
  }
  return found;
}

const LINE = /aria-roledescription="line mark"/g;
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

test('a 2-D run with evaluations gets five charts with marks, PNGs and a Markdown page that links them', async (t) => {
  const directory = writeFixtureRun({
    objective: 'wgan',
    seed: 3,
    estimates: [0.5, 0.4, 0.45, 0.3, 0.2, 0.1],
    msPerIteration: 100,
    evaluations: {
      20: { w1: 0.9, slicedW1: 0.5 },
      40: { w1: 0.5, slicedW1: 0.3 },
      60: { w1: 0.2, slicedW1: 0.1, mmd2: 0.01, modesCovered: 7, highQuality: 0.75, reverseKl: 0.05 },
    },
    samples: { 20: RING_POINTS, 60: RING_POINTS },
  });
  t.teardown(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  const files = await writeRunReport(directory);
  t.is(files.html, join(directory, 'report.html'));
  t.deepEqual(
    files.figures.map((f) => f.slice(directory.length + 1)),
    ['figures/estimate.png', 'figures/losses.png', 'figures/w1.png', 'figures/time.png', 'figures/samples.png'],
  );
  const html = readFileSync(files.html, 'utf8');
  const svgs = charts(html);
  t.deepEqual([...svgs.keys()], ['estimate', 'losses', 'w1', 'time', 'samples']);
  t.is(count(html, /<svg /g), 5);
  // Line charts: one line per (series, seed); estimate has raw + median, losses 2 losses × raw/median.
  t.is(count(svgs.get('estimate') ?? '', LINE), 2);
  t.is(count(svgs.get('losses') ?? '', LINE), 4);
  t.true(svgs.get('estimate')?.includes('wgan: W1*K'));
  // W1: three evaluated points.
  t.is(count(svgs.get('w1') ?? '', /aria-roledescription="point"/g), 3);
  // Samples: two panels of 16 dots, 8 mode crosses each, and contour paths.
  const samples = svgs.get('samples') ?? '';
  const symbolGroups = [...samples.matchAll(/class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)].map((m) =>
    count(m[1] ?? '', /<path /g),
  );
  // Under them 512 real ring8 points (grey), drawn with the run's seed.
  t.deepEqual(symbolGroups, [512, 16, 8, 512, 16, 8]);
  t.true(html.includes('over 512 real samples (grey)'));
  t.true(count(samples, /class="mark-path role-mark/g) === 2);
  t.true(samples.includes('wgan, iteration 20') && samples.includes('wgan, iteration 60'));
  // Self-contained: no scripts, nothing fetched.
  t.false(/<script|src="http|href="http|url\(http/i.test(html));
  t.true(html.includes('<td class="num">0.2 ± —</td>'));

  for (const figure of files.figures) {
    const size = pngSize(figure);
    t.true(size.signature, figure);
    t.true(
      size.width > 400 && size.width < 3000 && size.height > 200 && size.height < 3000,
      `${figure}: ${size.width}×${size.height}`,
    );
  }
  const markdown = readFileSync(files.markdown, 'utf8');
  const linked = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
  t.deepEqual(
    linked,
    files.figures.map((f) => f.slice(directory.length + 1)),
  );
  t.true(linked.every((path) => existsSync(join(directory, path))));
  t.true(
    markdown.includes(
      '| wgan | W1*K | 1 (3) | 0.2 ± — | 0.1 ± — | 0.01 ± — | 7 ± — | 75 ± — | 0.05 ± — | 1 ± — | 100 ± — |',
    ),
    'the columns no run has (mass KL, largest share, K, estimate/K) are left out; the notes say so',
  );
  t.true(markdown.includes('- mass KL unavailable: no run recorded evaluation.massKl.'));
  // The metrics come first; one run's configuration is all shared, its seed and folder included.
  t.true(markdown.indexOf('## Metrics') < markdown.indexOf('## Configuration'));
  t.true(markdown.includes('| seed | 3 |') && markdown.includes(`| directory | ${directory} |`));
});

test('without evaluations the report says which metrics are unavailable and leaves the W1 chart out', async (t) => {
  const directory = writeFixtureRun({ objective: 'mmd', seed: 1, estimates: [0.3, 0.2, 0.1], msPerIteration: 40 });
  t.teardown(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  const files = await writeRunReport(directory);
  const html = readFileSync(files.html, 'utf8');
  t.is(count(html, /<svg /g), 3);
  t.false(existsSync(join(directory, 'figures', 'w1.png')));
  t.true(html.includes('Exact W1 unavailable: no metrics.jsonl line has evaluation.w1'));
  t.true(html.includes('W1 unavailable: no run recorded evaluation.w1.'));
  t.true(html.includes('No samples for mmd: the run wrote no sample files.'));
  // MMD has no critic: only the generator loss is drawn (raw and median).
  t.is(count(charts(html).get('losses') ?? '', LINE), 2);
  const markdown = readFileSync(files.markdown, 'utf8');
  t.true(
    markdown.includes(
      '| objective | estimate | seeds | ms/iter |\n| --- | --- | --- | --- |\n| mmd | MMD^2 | 1 (1) | 40 ± — |',
    ),
  );
});

test('image samples become a greyscale sample sheet PNG, inline as a data: URL', async (t) => {
  const directory = writeFixtureRun({
    objective: 'wgan',
    seed: 1,
    data: 'mnist',
    estimates: [0.2, 0.1],
    msPerIteration: 10,
    samples: { 20: 9 },
  });
  t.teardown(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  const files = await writeRunReport(directory);
  const sheet = join(directory, 'figures', 'samples-wgan-1-20.png');
  t.true(files.figures.includes(sheet));
  // 9 images in a 3 × 3 grid of 28-pixel tiles with 2-pixel gaps, drawn 3 times larger: (3 * 30 + 2) * 3 = 276.
  t.deepEqual(pngSize(sheet), { signature: true, width: 276, height: 276 });
  const html = readFileSync(files.html, 'utf8');
  t.true(html.includes(`src="data:image/png;base64,${readFileSync(sheet).toString('base64')}"`));
});
