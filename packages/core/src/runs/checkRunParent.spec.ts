import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { checkRunParent } from './checkRunParent.js';

const dir = mkdtempSync(join(tmpdir(), 'ipmgan-run-parent-'));
test.after.always(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('an ordinary folder, existing or not yet, is accepted', (t) => {
  t.notThrows(() => {
    checkRunParent(dir);
  });
  t.notThrows(() => {
    checkRunParent(join(dir, 'not', 'yet', 'there'));
  });
  if (existsSync('/dev/shm'))
    t.notThrows(() => {
      checkRunParent('/dev/shm/ipmgan-runs');
    });
});

test('/proc, /sys and /dev are refused, through a link too, naming the field', (t) => {
  t.throws(
    () => {
      checkRunParent('/proc/ipmgan');
    },
    {
      instanceOf: ConfigError,
      message: 'run.dir: /proc/ipmgan is under /proc, a kernel file system; choose a folder on disk',
    },
  );
  t.throws(
    () => {
      checkRunParent('/proc');
    },
    { message: /is under \/proc/ },
  );
  t.throws(
    () => {
      checkRunParent('/sys/a/b', '--dir');
    },
    { message: /^--dir: \/sys\/a\/b is under \/sys/ },
  );
  t.throws(
    () => {
      checkRunParent('/dev/null');
    },
    { message: /is under \/dev/ },
  );
  const link = join(dir, 'to-proc');
  symlinkSync('/proc', link);
  t.throws(
    () => {
      checkRunParent(join(link, 'runs'));
    },
    {
      message: `run.dir: ${join(link, 'runs')} is under /proc, a kernel file system; choose a folder on disk`,
    },
  );
});

test('a folder below a file is refused, naming the file', (t) => {
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  t.throws(
    () => {
      checkRunParent(join(file, 'runs'));
    },
    {
      message: `run.dir: ${file} is a file, not a folder; choose another folder`,
    },
  );
});
