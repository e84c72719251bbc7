// The page's script runs in the browser: it is plain JavaScript in a string because this package
// compiles without the DOM library; watch.browser.spec.ts drives it in Chromium.
const SCRIPT = String.raw`
'use strict';
const CHARTS = [
  { key: 'estimate', title: "the objective's estimate", field: 'estimate' },
  { key: 'w1', title: 'exact W1 (evaluations)', field: 'w1' },
  { key: 'criticLoss', title: 'critic loss', field: 'criticLoss' },
  { key: 'generatorLoss', title: 'generator loss', field: 'generatorLoss' },
];
const runs = new Map();
const views = new Map();
let selected = null;
let shownSamples = '';

function fmt(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(2) : value.toPrecision(4);
}
function duration(seconds) {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n) => String(n).padStart(2, '0');
  return h > 0 ? h + ':' + two(m) + ':' + two(s % 60) : two(m) + ':' + two(s % 60);
}
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function chartSpec(chart) {
  const x = { field: 'iteration', type: 'quantitative', title: 'iteration' };
  const color = { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 2, labelLimit: 260 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 200,
    // Lay out again as data arrives: axis labels and legend entries appear after the first render.
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    title: chart.title,
    data: { name: 'rows' },
    // Seeds of one label: their mean as a line, their standard error as a band.
    layer: [
      { mark: { type: 'errorband', extent: 'stderr', opacity: 0.25 }, encoding: { x, y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } }, color } },
      { mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y: { aggregate: 'mean', field: 'value', type: 'quantitative', title: null }, color } },
    ],
  };
}

function seriesOf(run, chart) {
  return chart.key === 'estimate' ? run.label + ' (' + run.estimateName + ')' : run.label;
}

function rowsOf(id, points, chart) {
  const run = runs.get(id);
  if (!run) return [];
  const series = seriesOf(run, chart);
  return points.flatMap((p) => {
    const value = p[chart.field];
    return value === null || value === undefined || !Number.isFinite(value) ? [] : [{ run: id, series, iteration: p.iteration, value }];
  });
}

function applyPoints(event) {
  for (const chart of CHARTS) {
    const view = views.get(chart.key);
    if (!view) continue;
    const change = vega.changeset().insert(rowsOf(event.id, event.points, chart));
    if (event.reset) change.remove((d) => d.run === event.id);
    view.change('rows', change).run();
  }
  document.body.dataset.points = String(totalPoints());
}

const counts = new Map();
function totalPoints() {
  let n = 0;
  for (const value of counts.values()) n += value;
  return n;
}

function renderRuns(directory, list) {
  document.getElementById('directory').textContent = directory;
  const finished = list.filter((r) => r.state === 'finished').length;
  const running = list.filter((r) => r.state === 'running');
  const remaining = list
    .filter((r) => r.state === 'running' || r.state === 'queued')
    .reduce((sum, r) => sum + Math.max(0, r.target - r.iteration), 0);
  const rate = running.reduce((sum, r) => sum + (r.rate ?? 0), 0);
  document.getElementById('overall').textContent =
    finished + ' of ' + list.length + ' run' + (list.length === 1 ? '' : 's') + ' finished, ' + running.length + ' running' +
    (rate > 0 && remaining > 0 ? ', about ' + duration(remaining / rate) + ' left' : '');
  const settingKeys = [...new Set(list.flatMap((r) => Object.keys(r.settings)))];
  const table = document.getElementById('runs');
  table.replaceChildren();
  const head = el('tr');
  for (const h of ['run', 'state', 'iteration', 'it/s', 'ETA', 'estimate', 'W1', ...settingKeys]) head.append(el('th', h));
  table.append(head);
  for (const r of list) {
    const row = el('tr', undefined, 'state-' + r.state);
    row.dataset.run = r.id;
    const state = el('td', r.state);
    if (r.message) state.title = r.message;
    row.append(
      el('td', r.name),
      state,
      el('td', r.iteration + ' / ' + r.target, 'num'),
      el('td', fmt(r.rate), 'num'),
      el('td', r.state === 'running' ? duration(r.eta) : '', 'num'),
      el('td', r.estimate === null ? '' : r.estimateName + ' ' + fmt(r.estimate), 'num'),
      el('td', fmt(r.w1), 'num'),
      ...settingKeys.map((k) => el('td', r.settings[k] === undefined ? '' : JSON.stringify(r.settings[k]))),
    );
    row.addEventListener('click', () => select(r.id));
    table.append(row);
  }
  const picker = document.getElementById('sample-run');
  const ids = list.map((r) => r.id).join('\n');
  if (picker.dataset.ids !== ids) {
    picker.dataset.ids = ids;
    picker.replaceChildren(...list.map((r) => { const o = el('option', r.name); o.value = r.id; return o; }));
  }
  if (selected === null || !runs.has(selected)) selected = (list.find((r) => r.state === 'running') ?? list[0] ?? { id: null }).id;
  if (selected !== null) picker.value = selected;
  renderSamples();
}

function select(id) {
  selected = id;
  document.getElementById('sample-run').value = id;
  renderSamples();
}

/** Up to five sample files spread over the run, the latest always among them. */
function pick(iterations, count) {
  if (iterations.length <= count) return iterations;
  const picked = Array.from({ length: count }, (_, k) => iterations[Math.round((k * (iterations.length - 1)) / (count - 1))]);
  return [...new Set(picked)];
}

async function renderSamples() {
  const run = runs.get(selected);
  const box = document.getElementById('samples');
  if (!run) { box.replaceChildren(el('p', 'no run yet')); return; }
  const iterations = pick(run.samples, 5);
  const key = run.id + ':' + iterations.join(',');
  if (key === shownSamples) return;
  shownSamples = key;
  if (iterations.length === 0) { box.replaceChildren(el('p', run.name + ': no sample files yet (run.sampleEvery)')); return; }
  const panels = iterations.map((iteration) => {
    const panel = el('figure', undefined, 'sample');
    panel.append(el('figcaption', 'iteration ' + iteration));
    return { iteration, panel };
  });
  box.replaceChildren(...panels.map((p) => p.panel));
  for (const { iteration, panel } of panels) {
    const url = '/samples/' + encodeURIComponent(run.id) + '/' + iteration;
    const response = await fetch(url);
    if (shownSamples !== key) return;
    if (!response.ok) { panel.append(el('p', 'unreadable')); continue; }
    if ((response.headers.get('content-type') ?? '').startsWith('image/')) {
      const img = el('img');
      img.src = URL.createObjectURL(await response.blob());
      img.alt = run.name + ' samples at iteration ' + iteration;
      panel.append(img);
      continue;
    }
    const data = await response.json();
    const holder = el('div');
    panel.append(holder);
    const values = data.points.map((p) => ({ x: p[0], y: p[1] ?? 0 }));
    // Each panel on its own scale: one diverged snapshot does not squeeze the others.
    const spec = data.dimension === 1
      ? { width: 170, height: 150, data: { values }, mark: 'bar', encoding: { x: { bin: { maxbins: 40 }, field: 'x', title: null }, y: { aggregate: 'count', title: null } } }
      : { width: 170, height: 170, data: { values }, mark: { type: 'circle', size: 6, opacity: 0.6 }, encoding: { x: { field: 'x', type: 'quantitative', title: null, scale: { zero: false } }, y: { field: 'y', type: 'quantitative', title: null, scale: { zero: false } } } };
    await vegaEmbed(holder, spec, { actions: false, renderer: 'svg', logLevel: vega.Error });
  }
}

async function main() {
  for (const chart of CHARTS) {
    const holder = el('div', undefined, 'chart');
    holder.id = 'chart-' + chart.key;
    document.getElementById('charts').append(holder);
    const result = await vegaEmbed(holder, chartSpec(chart), { actions: false, renderer: 'svg', logLevel: vega.Error });
    views.set(chart.key, result.view);
  }
  document.getElementById('sample-run').addEventListener('change', (e) => select(e.target.value));
  const source = new EventSource('/events');
  source.onopen = () => { document.getElementById('connection').textContent = 'live'; };
  source.onerror = () => { document.getElementById('connection').textContent = 'reconnecting...'; };
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === 'runs') {
      for (const r of event.runs) runs.set(r.id, r);
      renderRuns(event.directory, event.runs);
    } else {
      counts.set(event.id, (event.reset ? 0 : counts.get(event.id) ?? 0) + event.points.length);
      applyPoints(event);
    }
  };
}
main().catch((error) => { document.getElementById('connection').textContent = 'error: ' + error.message; });
`;

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px 24px; color: #222; }
header { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
h1 { font-size: 20px; margin: 0; }
#directory { font-family: ui-monospace, monospace; color: #555; }
#connection { color: #2a7; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { padding: 3px 10px; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { cursor: pointer; }
tr.state-running td:nth-child(2) { color: #2a7; font-weight: 600; }
tr.state-failed td:nth-child(2), tr.state-diverged td:nth-child(2), tr.state-unreadable td:nth-child(2) { color: #c33; font-weight: 600; }
#charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
.chart { width: 100%; }
#samples { display: flex; gap: 12px; flex-wrap: wrap; }
figure.sample { margin: 0; }
figcaption { font-size: 12px; color: #555; }
figure.sample img { image-rendering: pixelated; max-width: 240px; }
`;

/** The watch page: runs table, overlaid curves with seed bands, sample files over time; vega from /vendor/. */
export function watchPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ipmgan watch</title>
<style>${STYLE}</style>
<script src="/vendor/vega.min.js"></script>
<script src="/vendor/vega-lite.min.js"></script>
<script src="/vendor/vega-embed.min.js"></script>
</head>
<body>
<header><h1>ipmgan watch</h1><span id="directory"></span><span id="overall"></span><span id="connection">connecting...</span></header>
<table id="runs"></table>
<section id="charts"></section>
<h2>Samples <select id="sample-run"></select></h2>
<section id="samples"></section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
