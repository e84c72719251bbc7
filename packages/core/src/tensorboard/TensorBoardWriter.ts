import { appendFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { encodeEvent, type PngImage } from './encodeEvent.js';
import { tfRecord } from './tfRecord.js';

/**
 * Appends TensorBoard events to one new file `events.out.tfevents.<seconds>.<host>.<pid>` in
 * `dir` (TensorBoard reads every such file in a folder, so a resumed run adds a file). Each
 * event is one TFRecord appended at once, so a reader tailing the file sees whole records.
 */
export class TensorBoardWriter {
  readonly path: string;

  constructor(dir: string, wallTime = Date.now() / 1000) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, `events.out.tfevents.${String(Math.floor(wallTime))}.${hostname()}.${String(process.pid)}`);
    appendFileSync(this.path, tfRecord(encodeEvent({ kind: 'fileVersion', wallTime })), { flag: 'wx' });
  }

  scalar(tag: string, step: number, value: number, wallTime = Date.now() / 1000): void {
    appendFileSync(this.path, tfRecord(encodeEvent({ kind: 'scalar', tag, step, value, wallTime })));
  }

  image(tag: string, step: number, image: PngImage, wallTime = Date.now() / 1000): void {
    appendFileSync(this.path, tfRecord(encodeEvent({ kind: 'image', tag, step, image, wallTime })));
  }
}
