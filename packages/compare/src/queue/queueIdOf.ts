import { ConfigError } from '@ipmgan/core';
import type { CompareDirectory, CompareRecord } from '@ipmgan/core/engine';

/** The queue id compare.json records for a queued compare (`compare --queue`); a local compare has none. */
export function queueIdOf(record: CompareRecord, directory: CompareDirectory, flag = '--attach'): string {
  const queue = record.queue;
  if (typeof queue === 'object' && queue !== null && 'id' in queue && typeof queue.id === 'string') return queue.id;
  throw new ConfigError(
    `${flag}: ${directory.path} is not a queued compare (its compare.json has no queue id); continue a local compare with ipmgan compare --resume`,
  );
}
