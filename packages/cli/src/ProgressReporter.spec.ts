import test from 'ava';
import { ProgressReporter } from './ProgressReporter.js';

function step(iteration: number, estimate?: number, w1?: number) {
  return {
    iteration,
    criticSteps: 5,
    criticLoss: 0,
    generatorLoss: 0,
    ...(estimate === undefined ? {} : { estimate }),
    ...(w1 === undefined ? {} : { evaluation: { w1 } }),
  };
}

test('not a terminal: a line every lineEvery iterations, at least every 30 s, and at the end', (t) => {
  const written: string[] = [];
  let clock = 0;
  const reporter = new ProgressReporter({ write: (text: string) => written.push(text) }, 50, 30, () => clock);
  reporter.target = 120;
  reporter.estimateName = 'IPM(GP)';
  reporter.onTrainBegin({ state: { iteration: 0 } });
  // 20 s per iteration: the first line once 30 s have passed (iteration 2 at 40 s), the next 30 s after that.
  for (const [iteration, seconds] of [
    [1, 20],
    [2, 40],
    [3, 60],
  ] as const) {
    clock = seconds * 1000;
    reporter.afterGeneratorStep(undefined, step(iteration, -0.5));
  }
  t.deepEqual(written, ['2/120 0.05 it/s ETA 39:20 IPM(GP) -0.5\n']);
  written.length = 0;
  // Then fast: iterations 4..120 within 61 s to 62 s: lines only at 50, 100 and 120 (the end).
  for (let iteration = 4; iteration <= 120; iteration++) {
    clock = 61_000 + (iteration - 4) * 10;
    reporter.afterGeneratorStep(undefined, step(iteration, 0.25, iteration === 100 ? 0.125 : undefined));
  }
  t.deepEqual(
    written.map((line) => line.split(' ')[0]),
    ['50/120', '100/120', '120/120'],
  );
  t.regex(written[2] ?? '', / IPM\(GP\) 0\.25 W1 0\.125\n$/);
});

test('a terminal: one redrawn line, one column short of its width and never over 80', (t) => {
  const draw = (columns: number): string => {
    const written: string[] = [];
    let clock = 0;
    const reporter = new ProgressReporter(
      { write: (text: string) => written.push(text), isTTY: true, columns },
      50,
      30,
      () => clock,
    );
    reporter.target = 3000;
    reporter.estimateName = 'JS lower bound';
    reporter.onTrainBegin({ state: { iteration: 2999 } });
    clock = 1000;
    reporter.afterGeneratorStep(undefined, step(3000, 0.693147, 1.23456));
    return written[0] ?? '';
  };
  // 19 + 58 = 77 columns fit a wide terminal (79 at most).
  t.is(draw(200), '\r[################] 3000/3000 1.00 it/s ETA 00:00 JS lower bound 0.693 W1 1.23\x1b[K');
  // 60 columns: 59 drawn, the line cut to 40 with a ~.
  const narrow = draw(60);
  t.is(narrow, '\r[################] 3000/3000 1.00 it/s ETA 00:00 JS lower ~\x1b[K');
  t.is(narrow.length - '\r\x1b[K'.length, 59);
});
