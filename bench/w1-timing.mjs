// Wall time of exactW1 (munkres, Hungarian algorithm) on random 2-D sets, n = 512 and 1024:
// median of 3 runs each, distance matrix included. `node bench/w1-timing.mjs` after `npm run build`.
import { performance } from 'node:perf_hooks';
import { Rng } from '@ipmgan/core';
import { exactW1 } from '@ipmgan/core/engine';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const rng = new Rng(1);
const points = (n) => ({ n, dim: 2, data: Float64Array.from({ length: 2 * n }, () => rng.normal()) });

for (const n of sizes.length > 0 ? sizes : [512, 1024]) {
  const times = [];
  let w1 = 0;
  for (let run = 0; run < 3; run++) {
    const a = points(n);
    const b = points(n);
    const start = performance.now();
    w1 = exactW1(a, b);
    times.push((performance.now() - start) / 1000);
  }
  times.sort((x, y) => x - y);
  console.log(
    `n=${n} dim=2: median ${times[1].toFixed(3)} s (runs ${times.map((t) => t.toFixed(3)).join(', ')}), last w1 ${w1.toFixed(4)}`,
  );
}
