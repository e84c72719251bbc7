// `npm run test:kernels`: the conformance kits (core's own specs of the kits and every objective
// and constraint package's conformance.spec.ts) run on the wasm backend twice: with
// @ipmgan/native's kernels, then with wasm's own (IPMGAN_NATIVE=0). The kits' usual backend is
// cpu (kitBackend); this is the proof that each kernel set passes them. Under IPMGAN_NATIVE=0
// only the wasm pass runs; otherwise the native pass needs the addon to load and fails if not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeNative } from '../packages/core/dist/engine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const specs = [
  ['packages/core', 'src/testing/objectiveConformance.spec.ts'],
  ['packages/core', 'src/testing/constraintConformance.spec.ts'],
  ...[
    'critic-wgan',
    'disc-gan',
    'ebgan',
    'mmd',
    'gradient-penalty',
    'spectral-norm',
    'fisher-gan',
    'sobolev-gan',
    'mmd-gan',
    'cramer-gan',
  ]
    .map((name) => [`packages/${name}`, 'src/conformance.spec.ts'])
    .filter(([dir, file]) => existsSync(join(root, dir, file))),
];

const passes = [];
if (process.env.IPMGAN_NATIVE !== '0') {
  const status = await probeNative('on');
  if (!status.loaded) {
    process.stderr.write(
      `ipmgan: test:kernels: the native kernels cannot load (${status.reason}); run with IPMGAN_NATIVE=0 for the wasm pass only\n`,
    );
    process.exit(1);
  }
  passes.push({ label: `native (${status.source})`, env: {} });
}
passes.push({ label: 'wasm (IPMGAN_NATIVE=0)', env: { IPMGAN_NATIVE: '0' } });

let failed = false;
for (const pass of passes) {
  for (const [dir, file] of specs) {
    process.stdout.write(`\n== ${pass.label}: ${dir}/${file}\n`);
    const result = spawnSync('npx', ['ava', file], {
      cwd: join(root, dir),
      stdio: 'inherit',
      env: { ...process.env, ...pass.env, IPMGAN_CONFORMANCE_BACKEND: 'wasm' },
    });
    if (result.status !== 0) failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
