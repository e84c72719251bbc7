import type { ScheduleConfig } from './ScheduleConfig.js';

/** How many critic steps precede generator iteration `iteration` (0-based). */
export function criticIterations(schedule: ScheduleConfig, iteration: number): number {
  switch (schedule.type) {
    case 'constant':
      return schedule.nCritic;
    case 'wgan-warmup':
      return iteration < schedule.warmupIterations || iteration % schedule.every === 0
        ? schedule.warmupCritic
        : schedule.nCritic;
  }
}
