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
