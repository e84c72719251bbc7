// Draws a run's generated samples over the ring's modes as an SVG, and prints the
// mode metrics of docs/data.md (3-std high quality, modes covered, mean distance).
// Usage: node scripts/plot-samples.mjs RUN_DIR OUT.svg [SAMPLE_FILE, default the latest]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [runDir, out, pick] = process.argv.slice(2);
const config = JSON.parse(readFileSync(join(runDir, 'config.resolved.json'), 'utf8'));
const { radius, std, scale } = config.data.options;
const centres = Array.from({ length: 8 }, (_, k) => [
  radius * scale * Math.cos((2 * Math.PI * k) / 8),
  radius * scale * Math.sin((2 * Math.PI * k) / 8),
]);
const files = readdirSync(join(runDir, 'samples'))
  .filter((f) => f.endsWith('.csv'))
  .sort();
const last = pick ?? files[files.length - 1];
const points = readFileSync(join(runDir, 'samples', last), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(',').map(Number));

let total = 0;
let good = 0;
const covered = new Set();
for (const [x, y] of points) {
  const d = centres.map(([cx, cy]) => Math.hypot(x - cx, y - cy));
  const k = d.indexOf(Math.min(...d));
  total += d[k];
  if (d[k] <= 3 * std * scale) {
    good += 1;
    covered.add(k);
  }
}
console.log(
  JSON.stringify({
    samples: last,
    n: points.length,
    meanDistanceToMode: total / points.length,
    highQualityPercent: (100 * good) / points.length,
    modesCovered: covered.size,
  }),
);

const size = 400;
const span = 2.2;
const px = (v) => ((v + span) / (2 * span)) * size;
const dots = points.map(
  ([x, y]) => `<circle cx="${px(x).toFixed(1)}" cy="${px(-y).toFixed(1)}" r="1.6" fill="#1f77b4" fill-opacity="0.5"/>`,
);
const modes = centres.map(
  ([x, y]) =>
    `<circle cx="${px(x).toFixed(1)}" cy="${px(-y).toFixed(1)}" r="6" fill="none" stroke="#d62728" stroke-width="2"/>`,
);
writeFileSync(
  out,
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size + 24}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<g>${dots.join('')}${modes.join('')}</g>
<text x="8" y="${size + 16}">${config.objective.name} on ${config.data.name}, ${last.replace('.csv', '')}: ${points.length} samples (blue), modes (red)</text>
</svg>
`,
);
