import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** An event as the independent Python reader (fixtures/read_tfevents.py) decodes it. */
export interface ReadEvent {
  readonly wall_time: number;
  readonly step?: number;
  readonly file_version?: string;
  readonly values?: readonly {
    readonly tag: string;
    readonly simple_value?: number;
    readonly image?: {
      readonly height: number;
      readonly width: number;
      readonly colorspace: number;
      readonly png: {
        readonly width: number;
        readonly height: number;
        readonly channels: number;
        readonly pixels: number[];
      };
    };
  }[];
}

// From src/testing and dist/testing alike: the script stays in the sources (it is not compiled).
const READER = fileURLToPath(new URL('../../src/tensorboard/fixtures/read_tfevents.py', import.meta.url));

/**
 * The events of each tfevents file as read by Python code that shares nothing with ipmgan's
 * writer (its own CRC-32C and protobuf decoder; python3 only), or the reader's error line.
 * Needs the repository's sources, where the script lives.
 */
export function readTfEvents(paths: readonly string[]): { events: ReadEvent[][] } | { error: string } {
  const result = spawnSync('python3', [READER, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) return { error: result.stderr.trim() };
  return { events: JSON.parse(result.stdout) as ReadEvent[][] };
}
