import { readSampleFile } from '@ipmgan/core/engine';
import { sampleSheet, type SampleFile } from '@ipmgan/report';

/** At most this many points of a vector sample file go to the page. */
const MAX_POINTS = 512;

/** A sample file as the watch page draws it: a PNG sheet of images, or points (the first two coordinates). */
export type SamplePayload =
  | { readonly kind: 'image'; readonly png: Buffer }
  | { readonly kind: 'points'; readonly dimension: number; readonly points: readonly (readonly number[])[] };

/** Reads one sample file of a run (.npy of images [n, h, w, c] becomes a sheet; vectors become points). */
export function samplePayload(file: SampleFile): SamplePayload {
  const values = readSampleFile(file.path);
  if (values.shape.length >= 3) return { kind: 'image', png: sampleSheet(values, 36, 2) };
  const [n = 0, width = 1] = values.shape;
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const points: number[][] = [];
  for (let i = 0; i < n; i += step) {
    const row = Array.from(values.data.subarray(i * width, i * width + Math.min(width, 2)));
    points.push(row);
  }
  return { kind: 'points', dimension: width, points };
}
