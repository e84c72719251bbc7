import { spawnSync } from 'node:child_process';

/** Where PyTorch is looked for: Debian's python3-torch installs for /usr/bin/python3, not a pyenv one. */
const CANDIDATES = ['/usr/bin/python3', 'python3'] as const;

/**
 * The first python that imports torch (a reference implementation for cross-checks and the
 * benchmark, never a dependency), or null with the reason. With IPMGAN_REQUIRE_TORCH=1 (set
 * by .ci/run, which installs python3-torch) a missing torch is an error instead, so that a
 * cross-check is never skipped silently where it is meant to run.
 */
export function pythonWithTorch():
  { readonly python: string; readonly reason: null } | { readonly python: null; readonly reason: string } {
  for (const python of CANDIDATES)
    if (spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0) return { python, reason: null };
  const reason = `no python with torch (tried ${CANDIDATES.join(', ')}); on Debian: apt-get install python3-torch libopenblas0-pthread`;
  if (process.env.IPMGAN_REQUIRE_TORCH === '1') throw new Error(`IPMGAN_REQUIRE_TORCH=1 but ${reason}`);
  return { python: null, reason };
}
