import test from 'ava';
import { ConfigError } from '@ipmgan/core';
import { divideCores } from './divideCores.js';

test('auto gives each worker its share of the cores', (t) => {
  t.deepEqual(divideCores('auto', 'wasm', 2, 8, 2), {
    workers: 2,
    threads: 1,
    note: '2 cores: 2 workers x 1 thread each',
  });
  t.deepEqual(divideCores('auto', 'wasm', 1, 8, 2), {
    workers: 1,
    threads: 2,
    note: '2 cores: 1 worker x 2 threads each',
  });
  // 3 runs on 8 cores with up to 4 workers: 3 at once, floor(8 / 3) = 2 threads each.
  t.deepEqual(divideCores('auto', 'wasm', 4, 3, 8), {
    workers: 3,
    threads: 2,
    note: '8 cores: 3 workers x 2 threads each',
  });
  // The threaded build stops at 8.
  t.is(divideCores('auto', 'wasm', 1, 1, 32).threads, 8);
  t.is(divideCores('auto', 'cpu', 1, 4, 16).threads, 1);
});

test('a thread count that would oversubscribe is lowered, and the note says so', (t) => {
  t.deepEqual(divideCores(2, 'wasm', 2, 4, 2), {
    workers: 2,
    threads: 1,
    note: '2 cores: 2 workers x 1 thread each; threads 2 lowered to fit',
  });
  t.deepEqual(divideCores(2, 'wasm', 2, 4, 4), { workers: 2, threads: 2, note: '4 cores: 2 workers x 2 threads each' });
  t.deepEqual(divideCores(1, 'wasm', 3, 6, 2), {
    workers: 3,
    threads: 1,
    note: '2 cores: 3 workers x 1 thread each; more workers than cores',
  });
});

test('threads above 1 off wasm stay a config error', (t) => {
  t.throws(() => divideCores(2, 'cpu', 1, 1, 4), {
    instanceOf: ConfigError,
    message: /^threads: 2 needs backend "wasm"/,
  });
});
