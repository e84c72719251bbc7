import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/ConfigSchema.js';
import { RunDirectory } from '../runs/RunDirectory.js';
import type { ConformanceAssertions } from './ConformanceTest.js';
import { metricsWithoutClock } from './metricsWithoutClock.js';

/** What the drill writes and evaluates unless the config says otherwise. */
const DRILL_RUN = { sampleEvery: 20, sampleCount: 64, evaluateEvery: 20 };

/** A training command line of your own (a CLI), run as `node <args>`. */
export interface KillResumeCommand {
  /**
   * Arguments run to completion, never killed, before `start` in the same `dir`: e.g. a first
   * `ipmgan train`, so that `start` can be a `train --resume RUN --set ...` that is drilled.
   * The kill then lands after the lines this wrote.
   */
  prepare?(dir: string): readonly string[];
  /** Arguments that train a new run inside the folder `dir` (one run directory, any name), or continue the prepared one. */
  start(dir: string): readonly string[];
  /** Arguments that resume the run directory `run` to the end. */
  resume(run: string): readonly string[];
}

/** What killAndResume drills: a config core trains in a child process, or a command of your own. */
export type KillResumeOptions = (
  | {
      /**
       * The run, trained to its iterations (20 or more). The drill sets run.dir per trial,
       * run.logEvery and run.checkpointEvery to 1 (a line and a checkpoint every iteration, so
       * the kill can land anywhere) and, unless the config sets them, samples and evaluations
       * every 20 iterations (DRILL_RUN; evaluation.samples 64), so that the sample writer's and
       * the evaluator's streams are drilled too. Plugins are found from `cwd` as `ipmgan
       * train` finds them, the package `cwd` belongs to first: a plugin's own specs drill it
       * from its own folder (built: the children import its dist/), with nothing installed.
       */
      readonly config: Config;
    }
  | { readonly command: KillResumeCommand }
) & {
  /**
   * The children's working directory (default: this process's, which ava sets to the folder
   * of the package whose specs run): the plugin under test is the package it belongs to.
   */
  readonly cwd?: string;
  /** Kill-and-resume trials (default: the IPMGAN_KILL_TRIALS environment variable, else 1). */
  readonly trials?: number;
};

/** What the drill saw: the uninterrupted run and, per trial, where it was killed and whether it matched. */
export interface KillResumeReport {
  /** metrics.jsonl lines of the uninterrupted run. */
  readonly lines: number;
  /** Its sample files, by name. */
  readonly samples: readonly string[];
  readonly trials: readonly { readonly killedAfter: number; readonly identical: boolean }[];
}

/** A run directory's files the drill compares, as strings: metrics without the clock, every sample, the final tensors. */
interface RunFiles {
  readonly metrics: readonly string[];
  readonly samples: Readonly<Record<string, string>>;
  readonly tensors: string;
}

/** The only run directory under `dir` (none: ''). */
function runIn(dir: string): string {
  const [name] = existsSync(dir) ? readdirSync(dir) : [];
  return name === undefined ? '' : join(dir, name);
}

function filesOf(path: string): RunFiles {
  const directory = new RunDirectory(path);
  const samples = Object.fromEntries(
    directory
      .sampleFiles()
      .map((f) => [f.path.slice(directory.samplesPath.length + 1), readFileSync(f.path, 'base64')]),
  );
  const latest = directory.latestCheckpoint();
  const tensors = latest ? readFileSync(join(latest.path, 'tensors.bin'), 'base64') : '';
  return { metrics: metricsWithoutClock(directory), samples, tensors };
}

function lineCount(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0;
}

/** core's child: this folder's trainInChild, as JavaScript from dist or through tsx from src. */
function coreChild(): string[] {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts')
    ? ['--import', 'tsx', join(dirname(here), 'trainInChild.ts')]
    : [join(dirname(here), 'trainInChild.js')];
}

/**
 * The exact-resume drill, for any objective, constraint or CLI: a run trained uninterrupted
 * in a child process; then, per trial, the same run in a new child SIGKILLed as soon as its
 * metrics.jsonl has a random number of lines (5 to lines - 16 beyond a prepare command's:
 * mid-step, mid-write, mid-checkpoint, wherever the kill lands), resumed in another child with `resume`, and
 * trained to the end. metrics.jsonl (clock aside), every sample file and the final
 * checkpoint's tensors.bin must equal the uninterrupted run's byte for byte. Call it in a
 * serial test (spawnSync blocks the event loop that watches for the kill point); it
 * asserts through `t` and returns what it saw.
 */
export async function killAndResume(t: ConformanceAssertions, options: KillResumeOptions): Promise<KillResumeReport> {
  const cwd = options.cwd ?? process.cwd();
  const trials = options.trials ?? Number(process.env.IPMGAN_KILL_TRIALS ?? '1');
  const root = mkdtempSync(join(tmpdir(), 'ipmgan-kill-resume-'));
  const command: KillResumeCommand =
    'command' in options
      ? options.command
      : {
          start: (dir) => {
            const file = join(root, `${String(readdirSync(root).length)}.config.json`);
            const { config } = options;
            const run = { ...DRILL_RUN, ...config.run, dir, logEvery: 1, checkpointEvery: 1 };
            writeFileSync(file, JSON.stringify({ ...config, run, evaluation: { samples: 64, ...config.evaluation } }));
            return [...coreChild(), 'start', file];
          },
          resume: (run) => [...coreChild(), 'resume', run],
        };
  const node = (args: readonly string[]) =>
    spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  /** The prepared run's metrics lines in `dir` (0 without prepare). */
  const prepare = (dir: string, name: string): number => {
    if (!command.prepare) return 0;
    const prepared = node(command.prepare(dir));
    t.true(prepared.status === 0, `${name}: the prepare command exited ${String(prepared.status)}: ${prepared.stderr}`);
    return lineCount(join(runIn(dir), 'metrics.jsonl'));
  };
  try {
    const wholeDir = join(root, 'whole');
    const before = prepare(wholeDir, 'the uninterrupted run');
    const whole = node(command.start(wholeDir));
    t.true(whole.status === 0, `the uninterrupted run exited ${String(whole.status)}: ${whole.stderr}`);
    const expected = filesOf(runIn(wholeDir));
    const lines = expected.metrics.length;
    t.true(
      lines - before >= 20,
      `the uninterrupted run logged ${String(lines - before)} lines after its prepare command; the drill needs 20 or more`,
    );
    t.true(Object.keys(expected.samples).length > 0, 'the uninterrupted run wrote no samples (set run.sampleEvery)');
    const report: { killedAfter: number; identical: boolean }[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const dir = join(root, `killed-${String(trial)}`);
      const preparedLines = prepare(dir, `trial ${String(trial)}`);
      const at = preparedLines + 5 + Math.floor(Math.random() * (lines - preparedLines - 20));
      const child = spawn(process.execPath, [...command.start(dir)], { cwd, stdio: 'ignore' });
      const exited = new Promise<string | null>((resolve) => {
        child.once('exit', (_code, signal) => {
          resolve(signal);
        });
      });
      const running = (): boolean => child.exitCode === null && child.signalCode === null;
      while (running() && lineCount(join(runIn(dir), 'metrics.jsonl')) < at) await sleep(1);
      child.kill('SIGKILL');
      const signal = await exited;
      const killedAfter = lineCount(join(runIn(dir), 'metrics.jsonl'));
      t.log(`trial ${String(trial)}: SIGKILLed after ${String(killedAfter)} metrics lines (aimed at ${String(at)})`);
      t.true(signal === 'SIGKILL' && killedAfter < lines, `trial ${String(trial)}: the run ended before the kill`);
      const resumed = node(command.resume(runIn(dir)));
      t.true(
        resumed.status === 0,
        `trial ${String(trial)}: the resumed run exited ${String(resumed.status)}: ${resumed.stderr}`,
      );
      const actual = filesOf(runIn(dir));
      const line = actual.metrics.findIndex((l, i) => l !== expected.metrics[i]);
      t.true(
        actual.metrics.length === lines && line === -1,
        `trial ${String(trial)}: metrics line ${String(line + 1)} of ${String(actual.metrics.length)} differs: ${actual.metrics[line] ?? ''} against ${expected.metrics[line] ?? ''}`,
      );
      const sampleNames = Object.keys(expected.samples);
      const samplesEqual =
        Object.keys(actual.samples).join() === sampleNames.join() &&
        sampleNames.every((name) => actual.samples[name] === expected.samples[name]);
      t.true(samplesEqual, `trial ${String(trial)}: the sample files differ`);
      t.true(actual.tensors === expected.tensors, `trial ${String(trial)}: the final checkpoint's tensors differ`);
      report.push({
        killedAfter,
        identical:
          line === -1 && actual.metrics.length === lines && samplesEqual && actual.tensors === expected.tensors,
      });
    }
    const identical = report.filter((r) => r.identical).length;
    t.log(`identical after SIGKILL and resume: ${String(identical)}/${String(trials)} trials`);
    return { lines, samples: Object.keys(expected.samples), trials: report };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
