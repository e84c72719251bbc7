import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { resolveThreads } from './resolveThreads.js';

test('auto is the machine cores on wasm, at most 8, and 1 on the other backends', (t) => {
  t.is(resolveThreads('auto', 'wasm', 2), 2);
  t.is(resolveThreads('auto', 'wasm', 1), 1);
  t.is(resolveThreads('auto', 'wasm', 16), 8);
  t.is(resolveThreads('auto', 'cpu', 16), 1);
  t.is(resolveThreads('auto', 'tensorflow', 4), 1);
});

test('a number is taken as written, whatever the machine', (t) => {
  t.is(resolveThreads(1, 'wasm', 2), 1);
  t.is(resolveThreads(3, 'wasm', 2), 3);
  t.is(resolveThreads(1, 'cpu', 2), 1);
});

test('more than one thread off wasm, and counts outside 1-8, are one-line config errors', (t) => {
  t.is(
    t.throws(() => resolveThreads(2, 'cpu', 2), { instanceOf: ConfigError }).message,
    'threads: 2 needs backend "wasm"; backend "cpu" runs with threads 1 or "auto"',
  );
  t.is(
    t.throws(() => resolveThreads(9, 'wasm', 2), { instanceOf: ConfigError }).message,
    'threads: expected "auto" or an integer from 1 to 8, got 9',
  );
  t.is(
    t.throws(() => resolveThreads(0, 'wasm', 2), { instanceOf: ConfigError }).message,
    'threads: expected "auto" or an integer from 1 to 8, got 0',
  );
});
