import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import test from 'ava';
import { withSpecDir } from './testing/withSpecDir.js';
import { runIpmgan } from './testing/runIpmgan.js';

const dir = withSpecDir('cli-watch-bad');

test('watch: a missing or non-folder DIR, a bad or busy port: one ipmgan: line, exit 2, nothing served', async (t) => {
  writeFileSync(join(dir, 'file.txt'), 'x');
  mkdirSync(join(dir, 'runs'));
  const cases: [string[], RegExp][] = [
    [['watch', 'nope'], /^ipmgan: watch: \S+\/nope: no such directory\n$/],
    [
      ['watch', 'file.txt'],
      /^ipmgan: watch: \S+\/file\.txt: not a directory \(expected a run, a compare or a folder of them\)\n$/,
    ],
    [
      ['watch', 'runs', '--port', '70000'],
      /^ipmgan: option '--port <n>' argument '70000' is invalid\. --port: expected an integer from 0 \(any free port\) to 65535, got "70000" \(run ipmgan --help for usage\)\n$/,
    ],
    [
      ['watch', 'runs', '--host', '203.0.113.9', '--port', '0'],
      /^ipmgan: --host 203\.0\.113\.9: not an address of this machine \(EADDRNOTAVAIL\)\n$/,
    ],
  ];
  for (const [args, expected] of cases) {
    const { code, stdout, stderr } = runIpmgan(args, dir);
    t.regex(stderr, expected, args.join(' '));
    t.is(stdout, '');
    t.is(code, 2);
  }
  const busy = createServer();
  await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
  t.teardown(() => busy.close());
  const address = busy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const taken = runIpmgan(['watch', 'runs', '--port', String(port)], dir);
  t.is(taken.stderr, `ipmgan: --port ${String(port)}: in use; pick another with --port\n`);
  t.is(taken.code, 2);
});
