import test from 'ava';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stampedPath } from './stampedPath.js';

const parent = mkdtempSync(join(tmpdir(), 'ipmgan-stamped-'));
test.after.always(() => {
  rmSync(parent, { recursive: true, force: true });
});

test('the name, then the UTC time to the second without separators; -2, -3 while taken', (t) => {
  const now = new Date('2026-12-06T16:38:04.731Z');
  const first = stampedPath(parent, 'ring', now);
  t.is(first, join(parent, 'ring-20261206T163804Z'));
  mkdirSync(first);
  const second = stampedPath(parent, 'ring', now);
  t.is(second, join(parent, 'ring-20261206T163804Z-2'));
  mkdirSync(second);
  t.is(stampedPath(parent, 'ring', now), join(parent, 'ring-20261206T163804Z-3'));
  // Another second or another name is free again.
  t.is(stampedPath(parent, 'ring', new Date('2026-12-06T16:38:05Z')), join(parent, 'ring-20261206T163805Z'));
  t.is(stampedPath(parent, 'grid', now), join(parent, 'grid-20261206T163804Z'));
});
