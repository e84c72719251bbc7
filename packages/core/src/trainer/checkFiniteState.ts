import { describeNonFinite, findNonFinite } from '../runs/findNonFinite.js';
import type { TrainerStateTensors } from '../runs/trainerStateTensors.js';
import { trainerStateTensors } from '../runs/trainerStateTensors.js';
import { DivergenceError } from './DivergenceError.js';
import type { TrainerContext } from './TrainerContext.js';

/** Throws a DivergenceError naming the first non-finite tensor of `state`, if any. */
export function refuseNonFiniteState(state: TrainerStateTensors, iteration: number, what: string): void {
  const bad = findNonFinite(
    state.groups.flatMap(([group, tensors]) =>
      tensors.map(({ name, tensor }) => ({ name: `${group}/${name}`, tensor })),
    ),
  );
  if (!bad) return;
  const player = bad.first.startsWith('critic') ? 'critic' : 'generator';
  throw new DivergenceError(iteration, player, bad.value, `${what} holds ${describeNonFinite(bad)}`);
}

/**
 * Throws a DivergenceError when any weight, optimizer slot or plugin tensor of the trainer
 * is NaN or infinite. The losses are computed before the update, so a finite loss can still
 * leave non-finite weights behind (Adam at lr 1e6); checked after every iteration, no
 * checkpoint of bad state is ever written.
 */
export async function checkFiniteState(trainer: TrainerContext, iteration: number): Promise<void> {
  const state = await trainerStateTensors(trainer);
  try {
    refuseNonFiniteState(state, iteration, 'the training state');
  } finally {
    state.dispose();
  }
}
