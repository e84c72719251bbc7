import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { chromium } from 'playwright-core';
import { makeTempDir } from './testing/makeTempDir.js';
import { repoRoot } from './testing/runIpmgan.js';

const CHROMIUM = process.env.IPMGAN_CHROMIUM ?? '/usr/bin/chromium';
const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');
const ITERATIONS = 300;
const LOG_EVERY = 5;

const browserTest = existsSync(CHROMIUM) ? test : test.skip;
if (!existsSync(CHROMIUM)) {
  console.warn(
    `watch.browser.spec: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set IPMGAN_CHROMIUM)`,
  );
}

/** Starts `ipmgan ARGS` in `cwd`, its stdout and stderr collected. */
function start(args: readonly string[], cwd: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { child, output: () => text };
}

async function until<T>(what: string, poll: () => Promise<T | undefined> | T | undefined, seconds = 240): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await poll();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${String(seconds)} s for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

interface PageState {
  readonly points: number;
  /** Vertices of the estimate chart's mean lines. */
  readonly vertices: number;
  readonly states: readonly string[];
  readonly overall: string;
}

// Runs in the page; a string because this package compiles without the DOM library.
const READ_PAGE = `(() => {
  const lines = [...document.querySelectorAll('#chart-estimate g.mark-line path')];
  const vertices = lines.reduce((n, p) => n + ((p.getAttribute('d') || '').match(/[ML]/g) || []).length, 0);
  return {
    points: Number(document.body.dataset.points || 0),
    vertices,
    states: [...document.querySelectorAll('#runs tr[data-run] td:nth-child(2)')].map((td) => td.textContent),
    overall: document.getElementById('overall').textContent,
  };
})()`;

browserTest(
  'watch: a compare trains while the page is open in Chromium, and its curves grow to the last line',
  async (t) => {
    const dir = makeTempDir('cli-watch');
    const children: ChildProcess[] = [];
    t.teardown(() => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    writeFileSync(
      join(dir, 'c.yaml'),
      'name: live\nseed: 1\ndata: { name: ring8 }\n' +
        'generator: { network: { name: mlp, options: { hidden: [16] } } }\n' +
        'critic: { network: { name: mlp, options: { hidden: [16] } } }\n' +
        `training: { iterations: ${String(ITERATIONS)} }\n` +
        `run: { dir: runs, logEvery: ${String(LOG_EVERY)}, sampleEvery: 100, evaluateEvery: 100, sampleCount: 128 }\n` +
        'compare: { objectives: [wgan], seeds: [1, 2] }\n',
    );
    // The page watches runs/ before the compare has made its folder: runs appear as they start.
    mkdirSync(join(dir, 'runs'));
    const watcher = start(['watch', 'runs', '--port', '0'], dir);
    children.push(watcher.child);
    const line = await until(
      'the watch line',
      () => /^ipmgan: watching runs at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C stops\)\n$/.exec(watcher.output())?.[1],
      60,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; output: ${watcher.output()}`);
    });
    const url = line;

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
    });
    t.teardown(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(url) && !request.url().startsWith('blob:')) elsewhere.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });

    const compare = start(['compare', '-c', 'c.yaml', '--workers', '2'], dir);
    children.push(compare.child);
    const read = async (): Promise<PageState> => page.evaluate<PageState>(READ_PAGE);
    const early = await until('first points while running', async () => {
      const state = await read();
      return state.points > 0 && state.states.includes('running') ? state : undefined;
    });
    const later = await until('the curve to grow', async () => {
      const state = await read();
      return state.points > early.points && state.vertices > early.vertices ? state : undefined;
    });
    t.true(later.vertices > early.vertices, `${String(early.vertices)} -> ${String(later.vertices)} vertices`);

    await until('the compare to end', () => (compare.child.exitCode === null ? undefined : compare.child.exitCode));
    t.is(compare.child.exitCode, 0, compare.output());
    const done = await until(
      'both runs finished on the page',
      async () => {
        const state = await read();
        return state.states.length === 2 &&
          state.states.every((s) => s === 'finished') &&
          state.points === 2 * (ITERATIONS / LOG_EVERY)
          ? state
          : undefined;
      },
      30,
    );
    // Two seeds of one label: one mean line of ITERATIONS / LOG_EVERY vertices.
    t.is(done.vertices, ITERATIONS / LOG_EVERY);
    t.is(done.overall, '2 of 2 runs finished, 0 running');
    const table = await page.textContent('#runs');
    t.regex(table ?? '', /wgan-seed1finished300 \/ 300/);
    t.regex(table ?? '', /W1\*K -?\d/, 'the estimate under its own name');
    // Sample files over time: iterations 100, 200 and 300 of the selected run, drawn as points.
    await until(
      'three sample panels',
      async () => ((await page.locator('#samples figure svg').count()) === 3 ? true : undefined),
      30,
    );
    t.deepEqual(await page.locator('#samples figcaption').allTextContents(), [
      'iteration 100',
      'iteration 200',
      'iteration 300',
    ]);
    t.deepEqual(problems, []);
    t.deepEqual(elsewhere, [], 'nothing loaded from anywhere but the watch server');

    if (process.env.IPMGAN_WATCH_SCREENSHOT)
      await page.screenshot({ path: process.env.IPMGAN_WATCH_SCREENSHOT, fullPage: true });
    watcher.child.kill('SIGINT');
    await until('watch to exit', () => (watcher.child.exitCode === null ? undefined : watcher.child.exitCode), 20);
    t.is(watcher.child.exitCode, 0);
    const [compareDir = ''] = readdirSync(join(dir, 'runs'));
    t.regex(compareDir, /^live-compare-/);
  },
);
