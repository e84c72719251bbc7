import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { kitBackend } from './kitBackend.js';

test('the kits run on cpu unless IPMGAN_CONFORMANCE_BACKEND=wasm; anything else is one line', (t) => {
  t.is(kitBackend({}), 'cpu');
  t.is(kitBackend({ IPMGAN_CONFORMANCE_BACKEND: '' }), 'cpu');
  t.is(kitBackend({ IPMGAN_CONFORMANCE_BACKEND: 'cpu' }), 'cpu');
  t.is(kitBackend({ IPMGAN_CONFORMANCE_BACKEND: 'wasm' }), 'wasm');
  const error = t.throws(() => kitBackend({ IPMGAN_CONFORMANCE_BACKEND: 'tensorflow' }), { instanceOf: ConfigError });
  t.is(error.message, 'IPMGAN_CONFORMANCE_BACKEND: expected cpu or wasm, got "tensorflow"');
});
