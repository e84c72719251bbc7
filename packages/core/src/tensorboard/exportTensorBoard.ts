import { statSync } from 'node:fs';
import type { RunDirectory } from '../runs/RunDirectory.js';
import { imageRange } from './imageRange.js';
import { metricScalars } from './metricScalars.js';
import { sampleSheet } from './sampleSheet.js';
import { TensorBoardWriter } from './TensorBoardWriter.js';

/**
 * Writes a finished or running run's metrics.jsonl (every number, as metricScalars names them)
 * and its sample files (as sampleSheet draws them, tag `samples`) into one tfevents file in
 * `out`. A record's wall time is metrics.jsonl's modification time less the seconds between it
 * and the last record, so TensorBoard's relative time axis shows the run's own clock.
 * Returns the events file's path and how many scalars and images it holds.
 */
export function exportTensorBoard(
  directory: RunDirectory,
  out: string,
): { path: string; scalars: number; images: number } {
  const config = directory.readConfig();
  const records = directory.readMetrics();
  const samples = directory.sampleFiles();
  const ended = records.length > 0 ? statSync(directory.metricsPath).mtimeMs / 1000 : Date.now() / 1000;
  const lastElapsed = records.at(-1)?.elapsedSeconds ?? 0;
  const wallTime = (elapsed: number): number => ended - lastElapsed + elapsed;
  const writer = new TensorBoardWriter(out, wallTime(0));
  let scalars = 0;
  for (const record of records)
    for (const [tag, value] of metricScalars(record)) {
      writer.scalar(tag, record.iteration, value, wallTime(record.elapsedSeconds));
      scalars++;
    }
  let images = 0;
  const range = imageRange(config);
  for (const file of samples) {
    const sheet = sampleSheet(file, range);
    if (!sheet) continue;
    writer.image('samples', file.iteration, sheet, statSync(file.path).mtimeMs / 1000);
    images++;
  }
  return { path: writer.path, scalars, images };
}
