import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/ConfigSchema.js';
import { resolveConfig } from '../config/resolveConfig.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { openRun } from '../runs/openRun.js';
import { RunDirectory } from '../runs/RunDirectory.js';
import type { ConformanceAssertions } from './ConformanceTest.js';
import { metricsWithoutClock } from './metricsWithoutClock.js';

/**
 * The kits' in-process resume check: `config` (logEvery 1) trained straight to its last
 * iteration, and again stopped after `stopAt` iterations (fit's end writes a checkpoint),
 * reopened with resumeRun and trained on to the end. Every metrics line must agree, clock
 * aside: any random stream, optimizer slot or plugin state that a checkpoint misses shows up
 * as a differing line.
 */
export async function assertStopResumeExact(
  t: ConformanceAssertions,
  config: Config,
  plugins: readonly IpmPlugin[],
  stopAt: number,
): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'ipmgan-kit-resume-'));
  try {
    const resolved = resolveConfig(config, plugins);
    const whole = new RunDirectory(join(root, 'whole'));
    const straight = await openRun({ resolved, plugins }, { directory: whole });
    await straight.trainer.fit();
    straight.dispose();
    const parted = new RunDirectory(join(root, 'parted'));
    const first = await openRun({ resolved, plugins }, { directory: parted });
    await first.trainer.fit({ iterations: stopAt });
    first.dispose();
    const second = await openRun({ runDirectory: parted.path, cwd: process.cwd(), mode: 'resume', plugins });
    await second.trainer.fit();
    second.dispose();
    const [a, b] = [metricsWithoutClock(parted), metricsWithoutClock(whole)];
    const expected = resolved.training.iterations;
    t.true(a.length === expected, `the resumed run logged ${String(a.length)} lines, not ${String(expected)}`);
    const at = a.findIndex((line, i) => line !== b[i]);
    t.true(at === -1, `iteration ${String(at + 1)} differs after resume: ${a[at] ?? ''} against ${b[at] ?? ''}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
