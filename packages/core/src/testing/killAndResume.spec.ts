import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import type { Config } from '../config/ConfigSchema.js';
import { killAndResume, type KillResumeCommand } from './killAndResume.js';

const child = join(dirname(fileURLToPath(import.meta.url)), 'killAndResume.spec.child.ts');
const root = mkdtempSync(join(tmpdir(), 'ipmgan-kill-resume-spec-'));
test.after.always(() => {
  rmSync(root, { recursive: true, force: true });
});

/** linear-gap on the ring with the fixture's counting penalty, its counter `declared` as state or not. */
function command(declared: boolean): KillResumeCommand {
  const small = { name: 'mlp', options: { hidden: [8] } };
  return {
    start: (dir) => {
      const config: Config = {
        seed: 2,
        backend: 'cpu',
        objective: { name: 'linear-gap' },
        data: { name: 'ring8' },
        generator: { network: small },
        critic: { network: small, constraints: [{ name: 'counting-penalty', options: { declared } }] },
        training: { iterations: 40, batchSize: 16 },
        run: { dir, logEvery: 1, checkpointEvery: 1, sampleEvery: 20, sampleCount: 16 },
      };
      const file = join(root, `${String(declared)}-${dir.split('/').pop() ?? ''}.json`);
      writeFileSync(file, JSON.stringify(config));
      return ['--import', 'tsx', child, 'start', file];
    },
    resume: (run) => ['--import', 'tsx', child, 'resume', run],
  };
}

test.serial('a run whose plugin state is declared is byte-identical after SIGKILL and resume', async (t) => {
  const report = await killAndResume(t, { command: command(true), trials: 1 });
  t.is(report.lines, 40);
  t.deepEqual(report.samples, ['iter-0000020.csv', 'iter-0000040.csv']);
  t.deepEqual(
    report.trials.map((trial) => trial.identical),
    [true],
  );
});

test.serial('the drill fails a plugin whose state is not declared (a resume restarts its counter)', async (t) => {
  const failed: string[] = [];
  const report = await killAndResume(
    {
      true: (value, message) => {
        // The check's first two words after 'trial N:'.
        if (!value) failed.push((message ?? '').split(':')[1]?.trim().split(' ').slice(0, 2).join(' ') ?? '');
      },
      log: () => undefined,
    },
    { command: command(false), trials: 1 },
  );
  t.deepEqual(
    report.trials.map((trial) => trial.identical),
    [false],
  );
  // The counter scales the penalty, so the losses differ from the first resumed line, and
  // the weights trained on them: metrics, samples and the final tensors all differ.
  t.deepEqual(failed, ['metrics line', 'the sample', 'the final']);
});
