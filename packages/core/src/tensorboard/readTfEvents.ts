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

const READER = fileURLToPath(new URL('fixtures/read_tfevents.py', import.meta.url));

/** Test helper: the events of each file as read by Python code that shares nothing with the writer, or its error line. */
export function readTfEvents(paths: readonly string[]): { events: ReadEvent[][] } | { error: string } {
  const result = spawnSync('python3', [READER, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) return { error: result.stderr.trim() };
  return { events: JSON.parse(result.stdout) as ReadEvent[][] };
}
