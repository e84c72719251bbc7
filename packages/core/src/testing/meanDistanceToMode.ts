import { Rng } from '../random/Rng.js';
import type { Run } from '../runs/createRun.js';
import { meanDistanceToNearestCentre } from './meanDistanceToNearestCentre.js';

/**
 * Sample quality on a Gaussian mixture, for end-to-end tests: the mean distance of
 * `count` generated points (drawn from their own stream, `seed`) to the nearest mode.
 */
export function meanDistanceToMode(run: Run, count = 1000, seed = 99): number {
  const centres = run.trainer.data.modes?.centres;
  if (!centres) throw new Error(`data source ${run.trainer.data.id} has no modes`);
  const samples = run.trainer.generator.sample(count, new Rng(seed));
  const points = samples.arraySync() as number[][];
  samples.dispose();
  return meanDistanceToNearestCentre(points, centres);
}
