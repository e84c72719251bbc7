import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
 * manifest.json of the run's last checkpoint, byte for byte except what measures the clock
 * (elapsedSeconds, and the manifest's own SHA-256, which covers it) and the per-process run tag
 * in variable names (`critic_3/...`: runs in one process number their variables apart; a killed
 * run and its resume, each a first run in its own process, write the same tag).
 */
function manifestWithoutClock(directory: RunDirectory, iteration: number): string {
  return readFileSync(join(directory.checkpointPath(iteration), 'manifest.json'), 'utf8')
    .replace(/"elapsedSeconds":[^,]+,/, '"elapsedSeconds":0,')
    .replace(/"name":"([a-z]+)_\d+\//g, '"name":"$1_N/')
    .replace(/,"sha256":"[0-9a-f]{64}"}\n$/, '}\n');
}

/**
 * The kits' in-process resume check: `config` (logEvery 1) trained straight to its last
 * iteration, and again stopped after `stopAt` iterations (fit's end writes a checkpoint),
 * reopened with resumeRun and trained on to the end. Every metrics line must agree, clock
 * aside: any random stream, optimizer slot or plugin state that a checkpoint misses shows up
 * as a differing line. The last checkpoint's manifest.json (clock aside) must be the same bytes
 * too: it carries every stream's state and the SHA-256 of tensors.bin (weights, optimizer slots,
 * plugin tensors), so a state restored in another form (an RNG word signed before, unsigned after)
 * shows up.
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
    const [resumed, straightOn] = [manifestWithoutClock(parted, expected), manifestWithoutClock(whole, expected)];
    t.true(
      resumed === straightOn,
      `the last checkpoint's manifest.json differs after resume: ${resumed} against ${straightOn}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
