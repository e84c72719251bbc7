import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';
import { chromium } from 'playwright-core';
import { writeFixtureRun } from './testing/writeFixtureRun.js';
import { writeRunReport } from './writeRunReport.js';

const CHROMIUM = process.env.IPMGAN_CHROMIUM ?? '/usr/bin/chromium';
const POINTS = Array.from({ length: 40 }, (_, k) => [Math.cos(k / 3), Math.sin(k / 5)] as const);

interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly marks: number;
  readonly drawn: number;
}

const browserTest = existsSync(CHROMIUM) ? test : test.skip;
if (!existsSync(CHROMIUM)) {
  console.warn(
    `reportHtml.browser.spec: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set IPMGAN_CHROMIUM)`,
  );
}

browserTest('report.html renders its charts in Chromium offline: marks drawn, no errors, no requests', async (t) => {
  const directory = writeFixtureRun({
    objective: 'wgan',
    seed: 1,
    estimates: [0.5, 0.4, 0.3, 0.35, 0.2],
    msPerIteration: 50,
    evaluations: { 20: { w1: 0.8 }, 40: { w1: 0.4 } },
    samples: { 30: POINTS, 50: POINTS },
  });
  const keep = process.env.IPMGAN_KEEP_REPORT === '1';
  t.teardown(() => {
    if (!keep) rmSync(directory, { recursive: true, force: true });
  });
  const files = await writeRunReport(directory);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  t.teardown(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  const requested: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('request', (request) => requested.push(request.url()));
  const url = pathToFileURL(files.html).href;
  await page.goto(url, { waitUntil: 'load' });

  // Runs in the page; a string because this package compiles without the DOM library.
  const charts = await page.evaluate<ChartBox[]>(`[...document.querySelectorAll('figure svg')].map((svg) => {
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll('g.role-mark:not(.role-axis) path')];
    return { width: box.width, height: box.height, marks: marks.length, drawn: marks.filter((m) => m.getBBox().width > 0).length };
  })`);
  t.is(charts.length, 5);
  for (const [i, chart] of charts.entries()) {
    t.true(chart.width > 200 && chart.height > 100, `chart ${i}: ${chart.width}×${chart.height}`);
    t.true(chart.drawn > 0, `chart ${i}: ${chart.drawn} of ${chart.marks} marks have extent`);
  }
  const title = await page.textContent('h1');
  t.is(title, 'fixture-wgan: wgan on ring8');
  t.deepEqual(problems, []);
  // The page itself is the only thing loaded: no scripts, fonts or images from anywhere.
  t.deepEqual(requested, [url]);

  const screenshot = join(directory, 'report-screenshot.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  const png = readFileSync(screenshot);
  t.is(png.toString('ascii', 1, 4), 'PNG');
  t.true(
    png.readUInt32BE(16) === 1200 && png.readUInt32BE(20) > 900,
    `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`,
  );
  if (keep) t.log(`kept ${directory}`);
});
