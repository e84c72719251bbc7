import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { nativeMode } from './nativeMode.js';

test('unset or empty IPMGAN_NATIVE leaves the config its say', (t) => {
  for (const configured of ['auto', 'on', 'off'] as const) {
    t.deepEqual(nativeMode(configured, {}), { mode: configured, why: `native: "${configured}"` });
    t.deepEqual(nativeMode(configured, { IPMGAN_NATIVE: '' }), { mode: configured, why: `native: "${configured}"` });
  }
});

test('IPMGAN_NATIVE=0 turns the native kernels off whatever the config says', (t) => {
  for (const configured of ['auto', 'on', 'off'] as const)
    t.deepEqual(nativeMode(configured, { IPMGAN_NATIVE: '0' }), { mode: 'off', why: 'IPMGAN_NATIVE=0' });
});

test('any other IPMGAN_NATIVE is one line naming the variable and what it takes', (t) => {
  for (const value of ['1', 'off', 'false']) {
    const error = t.throws(() => nativeMode('auto', { IPMGAN_NATIVE: value }), { instanceOf: ConfigError });
    t.is(
      error.message,
      `IPMGAN_NATIVE: expected 0 (native kernels off) or unset, got "${value}"; the config's native field sets auto, on or off`,
    );
  }
});
