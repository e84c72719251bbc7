import type { ScheduleConfigInput } from '@ipmgan/core/engine';

/** Critic steps per generator step in a few words: `5`, `5 (100 for the first 25 and every 500th)`. */
export function describeSchedule(schedule: ScheduleConfigInput): string {
  if (schedule.type === 'constant') return String(schedule.nCritic);
  const { nCritic = 5, warmupCritic = 100, warmupIterations = 25, every = 500 } = schedule;
  return `${String(nCritic)} (${String(warmupCritic)} for the first ${String(warmupIterations)} and every ${String(every)}th)`;
}
