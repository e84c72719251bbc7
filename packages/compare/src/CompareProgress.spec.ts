import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { CompareProgress } from './CompareProgress.js';
import { planCompare } from './planCompare.js';

const baseDir = join(dirname(fileURLToPath(import.meta.url)), '..');

async function plan() {
  const planned = await planCompare(
    {
      name: 'p',
      seed: 1,
      data: { name: 'ring8' },
      training: { iterations: 100 },
      compare: { objectives: ['wgan', 'mmd'], seeds: [1] },
    },
    baseDir,
    new Date('2026-01-02T03:04:05Z'),
  );
  return planned.runs;
}

test('not a terminal: run lines fit 80 columns; the overall line (done/all, running, ETA) at every end and every 30 s', async (t) => {
  const [wgan, mmd] = await plan();
  if (!wgan || !mmd) throw new Error('two runs planned');
  const written: string[] = [];
  let clock = 0;
  const progress = new CompareProgress([wgan, mmd], { write: (text: string) => written.push(text) }, 30, () => clock);
  progress.started(wgan);
  progress.started(mmd);
  clock = 500;
  progress.progress(wgan, 1);
  progress.progress(mmd, 1);
  // 10 s in: wgan at 20 (2 it/s), mmd at 10 (1 it/s); 170 iterations left at 3 it/s: 56.7 s.
  clock = 10_000;
  progress.progress(wgan, 20, 0.5);
  progress.progress(mmd, 10, 1.5);
  t.is(progress.overall(), 'runs 0/2 done, 2 running, ETA 00:57');
  t.deepEqual(written, [
    'wgan-seed1: started\n',
    'mmd-seed1: started\n',
    'wgan-seed1: 20/100 2.00 it/s ETA 00:40 W1*K 0.5\n',
    'mmd-seed1: 10/100 1.00 it/s ETA 01:30 MMD^2 1.5\n',
  ]);
  written.length = 0;
  // 31 s after the start: the overall line once, with the next progress: (38 + 90) / (62 / 31 + 1) s.
  clock = 31_000;
  progress.progress(wgan, 62, 0.25, 0.75);
  t.deepEqual(written, ['runs 0/2 done, 2 running, ETA 00:43\n']);
  written.length = 0;
  clock = 50_000;
  progress.ended({ run: wgan, status: 'finished', iteration: 100, seconds: 50 });
  t.deepEqual(written, ['wgan-seed1: finished 100 iterations in 50.0 s\n', 'runs 1/2 done, 1 running, ETA 01:30\n']);
  for (const line of written) t.true(line.length <= 80);
});

test('a terminal: every run line and the overall line within 80 columns, redrawn in place', async (t) => {
  const [wgan, mmd] = await plan();
  if (!wgan || !mmd) throw new Error('two runs planned');
  const written: string[] = [];
  let clock = 0;
  const progress = new CompareProgress(
    [wgan, mmd],
    { write: (text: string) => written.push(text), isTTY: true },
    30,
    () => clock,
  );
  progress.started(wgan);
  progress.started(mmd);
  clock = 1000;
  progress.progress(wgan, 1, 123.456789, 9.87654321);
  clock = 2000;
  progress.ended({ run: mmd, status: 'failed', iteration: 0, seconds: 2, message: 'x'.repeat(200) });
  const last = written.at(-1) ?? '';
  // Cursor up over the three lines drawn before, then the three lines again.
  t.true(last.startsWith('\x1b[3A\r'), JSON.stringify(last.slice(0, 8)));
  const lines = last
    .slice('\x1b[3A\r'.length)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace('\x1b[K', ''));
  t.deepEqual(
    lines.map((l) => l.slice(0, 12)),
    ['wgan-seed1  ', 'mmd-seed1   ', 'runs 1/2 don'],
  );
  t.is(lines[0], 'wgan-seed1  [............] 1/100 1.00 it/s ETA 01:39 W1*K 123 W1 9.88');
  t.is(lines[2], 'runs 1/2 done, 1 running, ETA 01:39');
  for (const line of lines) t.true(line.length <= 79, `${String(line.length)}: ${line}`);
});
