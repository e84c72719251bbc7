import { execFileSync } from 'node:child_process';
import test from 'ava';
import { loadNative } from './loadNative.js';

test('loadNative finds the local build and reports where from', (t) => {
  const status = loadNative();
  t.true(status.loaded, status.loaded ? '' : status.reason);
  if (!status.loaded) return;
  t.true(['prebuilt', 'local build'].includes(status.source));
  t.regex(status.path, /ipmgan_native\.node$|native-linux-x64-gnu/);
});

test('the addon depends on libc (and libm) only: OpenBLAS is linked in statically, with its symbols hidden', (t) => {
  const status = loadNative();
  if (!status.loaded) return t.fail(status.reason);
  const dynamic = execFileSync('readelf', ['-d', '-W', status.path], { encoding: 'utf8' });
  const needed = [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]).sort();
  // libm only where the compiler calls it (sqrt is inlined when errno need not be set).
  t.true(needed.includes('libc.so.6'), needed.join(', '));
  t.deepEqual(
    needed.filter((lib) => lib !== 'libc.so.6' && lib !== 'libm.so.6'),
    [],
  );
  const symbols = execFileSync('nm', ['-D', '--defined-only', status.path], { encoding: 'utf8' });
  t.false(/\bcblas_sgemm\b/.test(symbols), 'cblas_sgemm is exported');
  t.true(/\bnapi_register_module_v1\b/.test(symbols));
});
