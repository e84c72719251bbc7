// The monorepo's `npm install` / `npm ci` (root postinstall): builds @ipmgan/native's addon from
// source with node-gyp against the installed Node's headers (--nodedir, never a download), so
// that a clone trains on the native kernels. Never fails the install: without a compiler,
// OpenBLAS or headers, it prints one line saying why and ipmgan runs on wasm's kernels
// (`ipmgan plugins` says so too). The build lives here, not in @ipmgan/native's own install
// script, because a published package with an install script (or a binding.gyp npm would
// build by default) would compile on every user's machine; users get the prebuilt
// @ipmgan/native-linux-x64-gnu instead (docs/performance.md, "Native kernels").
//
//   IPMGAN_NATIVE=0 npm ci      skips the build
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const native = join(root, 'packages', 'native');
const addon = join(native, 'build', 'Release', 'ipmgan_native.node');
// Beside build/, which node-gyp rebuild deletes first.
const log = join(native, 'build-native.log');

/** @param {string} line */
function say(line) {
  process.stdout.write(`ipmgan: ${line}\n`);
}

/** The installed Node's headers: node-gyp's --nodedir is the prefix above include/node. */
function nodeDir() {
  for (const prefix of [dirname(dirname(process.execPath)), '/usr', '/usr/local']) {
    if (existsSync(join(prefix, 'include', 'node', 'node_api.h'))) return prefix;
  }
  return null;
}

/** npm's own node-gyp (npm sets npm_config_node_gyp for scripts), else one installed beside Node. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(dirname(process.execPath)),
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ];
  try {
    candidates.push(createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not a dependency of the repository; npm's copy is the usual one
  }
  return candidates.find((c) => c !== undefined && existsSync(c)) ?? null;
}

function main() {
  const skip = (why) => say(`native kernels not built (${why}); ipmgan runs on wasm's kernels`);
  if (process.env.IPMGAN_NATIVE === '0') return skip('IPMGAN_NATIVE=0');
  if (!existsSync(join(native, 'binding.gyp'))) return skip('packages/native/binding.gyp is missing');
  const nodedir = nodeDir();
  if (nodedir === null) return skip(`no Node headers (include/node/node_api.h) beside ${process.execPath} or in /usr`);
  const gyp = nodeGyp();
  if (gyp === null) return skip('node-gyp not found (it ships with npm)');
  mkdirSync(dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  const started = Date.now();
  const result = spawnSync(process.execPath, [gyp, 'rebuild', `--nodedir=${nodedir}`], {
    cwd: native,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status === 0 && existsSync(addon)) {
    say(`built the native kernels in ${seconds} s: ${relative(root, addon)}`);
    return;
  }
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  const error =
    lines.find(
      (l) => /\berror\b/i.test(l) && !/^gyp ERR! (stack|System|command|cwd|node -v|node-gyp -v|not ok)/.test(l),
    ) ?? (result.error ? result.error.message : `node-gyp exited with ${String(result.status ?? result.signal)}`);
  skip(`${error.trim()}; full log: ${relative(root, log)}`);
}

main();
