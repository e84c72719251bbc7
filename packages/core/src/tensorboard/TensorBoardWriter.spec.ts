import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { encodePng } from '../images/encodePng.js';
import { crc32c } from './crc32c.js';
import { readTfEvents } from '../testing/readTfEvents.js';
import { TensorBoardWriter } from './TensorBoardWriter.js';

test('crc32c matches the published check values', (t) => {
  t.is(crc32c(Buffer.from('123456789')), 0xe3069283); // the CRC catalogue's check value for CRC-32C
  t.is(crc32c(new Uint8Array(32)), 0x8a9136aa); // RFC 3720 B.4: 32 bytes of zeros
  t.is(crc32c(new Uint8Array(32).fill(0xff)), 0x62a8ab43); // RFC 3720 B.4: 32 bytes of 0xFF
});

test('an independent reader decodes the framing, scalars and an image as written', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ipmgan-tb-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const writer = new TensorBoardWriter(dir, 1000.25);
  writer.scalar('loss/critic', 3, 0.5, 1001.5); // 0.5 and -1.25 are exact in float32
  writer.scalar('estimate/W1 (critic)', 2 ** 40 + 7, -1.25, 1002); // a step past 32 bits: a 6-byte varint
  // 2 x 2 grey pixels, then 1 x 1 RGB
  writer.image(
    'samples',
    4,
    { png: encodePng(Uint8Array.from([0, 255, 128, 64]), 2, 2, 1), width: 2, height: 2, channels: 1 },
    1003,
  );
  writer.image(
    'rgb',
    5,
    { png: encodePng(Uint8Array.from([10, 20, 30]), 1, 1, 3), width: 1, height: 1, channels: 3 },
    1004,
  );

  const read = readTfEvents([writer.path]);
  if ('error' in read) return t.fail(read.error);
  const [events = []] = read.events;
  t.is(events.length, 5);
  t.deepEqual(events[0], { wall_time: 1000.25, file_version: 'brain.Event:2' });
  t.deepEqual(events[1], { wall_time: 1001.5, step: 3, values: [{ tag: 'loss/critic', simple_value: 0.5 }] });
  t.deepEqual(events[2], {
    wall_time: 1002,
    step: 2 ** 40 + 7,
    values: [{ tag: 'estimate/W1 (critic)', simple_value: -1.25 }],
  });
  t.deepEqual(events[3]?.values?.[0], {
    tag: 'samples',
    image: { height: 2, width: 2, colorspace: 1, png: { width: 2, height: 2, channels: 1, pixels: [0, 255, 128, 64] } },
  });
  t.is(events[3]?.step, 4);
  t.deepEqual(events[4]?.values?.[0]?.image, {
    height: 1,
    width: 1,
    colorspace: 3,
    png: { width: 1, height: 1, channels: 3, pixels: [10, 20, 30] },
  });
  t.regex(writer.path, /[/\\]events\.out\.tfevents\.1000\.[^/\\]+$/);
});

test('the reader rejects a flipped bit in a record, so the framing test can fail', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ipmgan-tb-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const writer = new TensorBoardWriter(dir, 1);
  const firstRecord = readFileSync(writer.path).length;
  writer.scalar('x', 1, 2, 3);
  const bytes = readFileSync(writer.path);
  bytes[bytes.length - 6] = (bytes[bytes.length - 6] ?? 0) ^ 1; // inside the scalar's float
  writeFileSync(writer.path, bytes);
  t.deepEqual(readTfEvents([writer.path]), { error: `read_tfevents: bad data CRC at byte ${String(firstRecord)}` });
});
