import type { Config } from '../config/ConfigSchema.js';
import { assertRingDefaults, type RingDefaults } from './assertRingDefaults.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { openRun } from '../runs/openRun.js';
import { assertTrainingMemoryFlat } from './assertTrainingMemoryFlat.js';
import type { ConformanceAssertions } from './ConformanceTest.js';
import { killAndResume } from './killAndResume.js';
import { ringConfig } from './ringConfig.js';

/** The part of ava's `test` the checks use: `import test from 'ava'` fits it. */
interface SerialTest {
  serial(
    title: string,
    implementation: (
      t: ConformanceAssertions & {
        is(actual: unknown, expected: unknown): unknown;
        deepEqual(actual: unknown, expected: unknown): unknown;
      },
    ) => void | Promise<void>,
  ): void;
}

/** What ringTrainingChecks needs to know about an objective package. */
export interface RingTrainingChecksOptions {
  /** The objective's id, as ringConfig takes it. */
  readonly objective: string;
  /** core's plugin and the package's own. */
  readonly plugins: readonly IpmPlugin[];
  /** Whose optimizer and constraint the defaults are, for the titles: "the paper's Adam". */
  readonly settings: string;
  /** The paper's settings, which the config resolved from the objective's name must carry. */
  readonly defaults: RingDefaults & {
    /** The defaults test's title: which settings they are. */
    readonly title: string;
    /** The name the config gives (an alias checks that it resolves to `objective`). */
    readonly name?: string;
  };
  /** Iterations of the killed and resumed run (default 60). */
  readonly killIterations?: number;
  /** The 101-iteration run the memory check trains (default: the ring run at the defaults). */
  readonly memoryConfig?: Config;
}

/**
 * The three checks every objective package's ring training spec makes of its defaults: the
 * resolved config carries the paper's settings (assertRingDefaults), a run SIGKILLed at a
 * random iteration resumes byte-identical (killAndResume), and 100 training iterations leave
 * tf.memory().numTensors flat (assertTrainingMemoryFlat).
 */
export function ringTrainingChecks(test: SerialTest, options: RingTrainingChecksOptions): void {
  const { objective, plugins, settings, killIterations = 60, defaults } = options;
  test.serial(defaults.title, (t) => {
    const config = assertRingDefaults(t, defaults.name ?? objective, plugins, defaults);
    t.is(config.objective.name, objective);
  });
  test.serial(
    `SIGKILLed at a random iteration with ${settings} and resumed, metrics.jsonl, samples and the final tensors are byte-identical`,
    async (t) => {
      await killAndResume(t, { config: ringConfig(objective, { training: { iterations: killIterations } }) });
    },
  );
  test.serial('100 training iterations leave tf.memory().numTensors unchanged', async (t) => {
    const config = options.memoryConfig ?? ringConfig(objective, { training: { iterations: 101 } });
    const run = await openRun({ config, plugins });
    await assertTrainingMemoryFlat(t, run, 101);
    run.dispose();
  });
}
