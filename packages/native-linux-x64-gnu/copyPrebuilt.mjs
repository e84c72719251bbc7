// prepack / postpack of @ipmgan/native-linux-x64-gnu: the package's one file is the addon that
// the monorepo's install built (packages/native/build/Release/ipmgan_native.node, see
// scripts/build-native.mjs), copied in for `npm pack` / `npm publish` and removed after, so that
// the workspace never holds a stale copy the loader would prefer to the fresh build. The binary
// is checked first: x86-64 ELF, NEEDED entries libc / libm / the loader only (OpenBLAS linked
// statically), and no glibc symbol version above the floor this package's description states.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const target = `${here}ipmgan_native.node`;
if (process.argv.includes('--remove')) {
  rmSync(target, { force: true });
  process.exit(0);
}
const built = fileURLToPath(new URL('../native/build/Release/ipmgan_native.node', import.meta.url));
/** @param {string} message */
function fail(message) {
  process.stderr.write(`ipmgan: @ipmgan/native-linux-x64-gnu: ${message}\n`);
  process.exit(1);
}
if (!existsSync(built))
  fail(
    `${built} is missing; build it first (npm install at the repository root, or npm run build:addon -w @ipmgan/native)`,
  );

const floor = /glibc \((\d+\.\d+) or later\)/.exec(
  JSON.parse(readFileSync(`${here}package.json`, 'utf8')).description,
)?.[1];
if (floor === undefined) fail('package.json description must state "glibc (X.Y or later)"');
const needed = [...execFileSync('readelf', ['-d', built], { encoding: 'utf8' }).matchAll(/\(NEEDED\).*\[(.+)\]/g)].map(
  (m) => m[1],
);
const allowed = /^(libc\.so\.6|libm\.so\.6|ld-linux-x86-64\.so\.2)$/;
const extra = needed.filter((n) => !allowed.test(n));
if (extra.length > 0) fail(`the addon needs ${extra.join(', ')} besides libc / libm (is OpenBLAS linked statically?)`);
const versions = [...execFileSync('objdump', ['-T', built], { encoding: 'utf8' }).matchAll(/GLIBC_(\d+)\.(\d+)/g)].map(
  (m) => [Number(m[1]), Number(m[2])],
);
const [major, minor] = floor.split('.').map(Number);
const above = versions.filter(([a, b]) => a > major || (a === major && b > minor));
if (above.length > 0)
  fail(`the addon needs GLIBC_${above.map(([a, b]) => `${a}.${b}`).join(', GLIBC_')}, above the stated floor ${floor}`);
copyFileSync(built, target);
