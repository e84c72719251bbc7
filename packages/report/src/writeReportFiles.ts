import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { metricMeanings, writeFileAtomic } from '@ipmgan/core/engine';
import { buildFigures } from './buildFigures.js';
import type { Figure } from './Figure.js';
import type { ComparisonReport } from './ComparisonReport.js';
import { describeRun } from './describeRun.js';
import { escapeHtml } from './escapeHtml.js';
import { formatSummaryTable } from './formatSummaryTable.js';
import { mixtureModesOf } from './mixtureModesOf.js';
import type { RunData } from './RunData.js';
import type { ReportRun } from './ReportRun.js';
import { summariseRuns } from './summariseRuns.js';
import { SUMMARY_COLUMNS } from './SUMMARY_COLUMNS.js';
import { customColumns, summaryCells } from './summaryCells.js';
import type { SweepRun } from './SweepRun.js';

const STYLE = `body{font-family:"DejaVu Sans",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:14px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}figure{margin:1.5em 0}
figure svg{max-width:100%;height:auto}img.sheet{image-rendering:pixelated;max-width:100%}
figcaption,.notes{color:#555;font-size:14px}code{font-size:13px}.wide{overflow-x:auto}`;

function notesFor(
  runs: readonly RunData[],
  notes: readonly string[],
  rows: ReturnType<typeof summariseRuns>,
): string[] {
  const missing = SUMMARY_COLUMNS.filter((c) => rows.every((row) => row.cells[c.key] === null));
  const extra = missing.map((c) =>
    c.key === 'meaningfulLoss'
      ? `${c.header} unavailable: it needs at least two evaluations with w1 in a run.`
      : c.key === 'msPerIteration'
        ? `${c.header} unavailable: no metrics.jsonl lines.`
        : `${c.header} unavailable: no run recorded evaluation.${c.key}.`,
  );
  return [...notes, ...extra, ...(runs.length === 0 ? ['No runs.'] : [])];
}

function htmlTable(cells: readonly (readonly string[])[], numericFrom: number): string {
  const [header = [], ...body] = cells;
  const head = `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const rows = body.map(
    (row) =>
      `<tr>${row.map((cell, j) => (j >= numericFrom ? `<td class="num">${escapeHtml(cell)}</td>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
  );
  return `<table>\n${head}\n${rows.join('\n')}\n</table>`;
}

function markdownTable(cells: readonly (readonly string[])[]): string {
  const escape = (cell: string): string => cell.replaceAll('|', '\\|');
  const [header = [], ...body] = cells;
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `|${header.map(() => ' --- |').join('')}`,
    ...body.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/**
 * The configuration as a shared base and its differences: [field, value] for every field all
 * runs agree on, and a table of only the fields that differ, one column per label (a label's
 * seeds differ in `seed` alone, so one column each unless they differ in more). One run: all shared.
 */
function configTables(runs: readonly RunData[]): { shared: string[][]; differing: string[][] | null } {
  const described = runs.map((r) => new Map(describeRun(r)));
  // Every run has the same fields but for amendments, which only resumed runs with --set have.
  const fields = [...new Set(described.flatMap((d) => [...d.keys()]))];
  const valueOf = (d: Map<string, string>, field: string): string => d.get(field) ?? 'none';
  // Each run has its own seed and folder: with several runs, the seeds get one row, the folders none (<label>-seed<seed>).
  const perRun = runs.length > 1 ? new Set(['seed', 'directory']) : new Set<string>();
  const differs = (field: string): boolean =>
    !perRun.has(field) && new Set(described.map((d) => valueOf(d, field))).size > 1;
  const shared = [
    ['field', 'value'],
    ...fields
      .filter((f) => !differs(f) && !perRun.has(f))
      .map((f) => [f, valueOf(described[0] ?? new Map<string, string>(), f)]),
    ...(runs.length > 1 ? [['seeds', [...new Set(runs.map((r) => r.seed))].join(', ')]] : []),
  ];
  const differing = fields.filter(differs);
  if (differing.length === 0) return { shared, differing: null };
  // One column per distinct setting: runs whose differing fields agree (the seeds of a label) share it.
  const columns: { name: string; values: string[] }[] = [];
  runs.forEach((run, i) => {
    const values = differing.map((f) => valueOf(described[i] ?? new Map<string, string>(), f));
    const same = columns.find((c) => c.values.every((v, j) => v === values[j]));
    if (same === undefined) columns.push({ name: run.label, values });
    else if (!same.name.split(', ').includes(run.label)) same.name = `${same.name}, ${run.label}`;
  });
  return {
    shared,
    differing: [
      ['', ...columns.map((c) => c.name)],
      ...differing.map((f, j) => [f, ...columns.map((c) => c.values[j] ?? '')]),
    ],
  };
}

/** The metrics cells without the columns no run has (the notes say they are unavailable). */
function presentColumns(cells: readonly (readonly string[])[]): string[][] {
  const [header = [], ...body] = cells;
  const keep = header.map((_, j) => j < 3 || body.some((row) => row[j] !== 'n/a'));
  return cells.map((row) => row.filter((_, j) => keep[j]));
}

/** The runs table of a comparison: every run with its state, iterations and error. */
function statusCells(statuses: readonly ReportRun[]): string[][] {
  return [
    ['run', 'seed', 'status', 'iterations', 'error'],
    ...statuses.map((r) => [
      r.label,
      String(r.seed),
      r.status?.state ?? 'finished',
      r.status ? String(r.status.iteration) : '',
      r.status?.message ?? '',
    ]),
  ];
}

export interface ReportFilesOptions {
  readonly plotIterations?: readonly number[] | undefined;
  readonly sweep?: readonly SweepRun[] | undefined;
  /** A comparison's runs with their status: adds the runs table. */
  readonly statuses?: readonly ReportRun[];
  /** Runs that did not finish (not in `runs`): counted in their row's seeds cell. */
  readonly unfinished?: readonly ReportRun[];
}

/** A figure's file under figures/: its PNG, or its SVG where there is none. */
function figureFile(figure: Figure): string {
  return `${figure.name}.${figure.png ? 'png' : 'svg'}`;
}

/**
 * Renders the figures of `runs`, writes report.html (self-contained: inline SVG and data: URLs,
 * no scripts), report.md and figures/*.png into `outDirectory`, and returns the paths and table.
 */
export async function writeReportFiles(
  outDirectory: string,
  title: string,
  runs: readonly RunData[],
  options: ReportFilesOptions = {},
): Promise<ComparisonReport> {
  const { plotIterations, sweep, statuses } = options;
  const root = resolve(outDirectory);
  const figuresDirectory = join(root, 'figures');
  mkdirSync(figuresDirectory, { recursive: true });
  const first = runs[0];
  const modes = first === undefined ? undefined : mixtureModesOf(first.config);
  const rows = summariseRuns(runs, options.unfinished);
  const { figures, notes } = await buildFigures(runs, modes, plotIterations, sweep ? { rows, sweep } : undefined);
  const table = formatSummaryTable(rows);
  const allNotes = notesFor(runs, notes, rows);
  const figurePaths = figures.map((figure) => {
    const path = join(figuresDirectory, figureFile(figure));
    writeFileSync(path, figure.png ?? figure.html);
    return path;
  });

  const metricsCells = presentColumns(summaryCells(rows));
  const config = configTables(runs);
  const legend = [
    ...SUMMARY_COLUMNS.map((c) => `${c.header}: ${c.meaning}`),
    ...customColumns(rows).map(
      (name) => `${name}: ${metricMeanings[name] ?? "a hook's evaluate() metric"}, at the last evaluation`,
    ),
  ];
  const seeds = [...new Set(runs.map((r) => r.seed))].join(', ');
  const notFinished = options.unfinished?.length ?? 0;
  const lead =
    `${runs.length} run${runs.length === 1 ? '' : 's'}, seeds ${seeds}. Table cells: mean ± standard error over seeds (— for a single seed).` +
    (notFinished > 0
      ? ` ${String(notFinished)} run${notFinished === 1 ? '' : 's'} did not finish and ${notFinished === 1 ? 'is' : 'are'} not in the cells (see Runs).`
      : '');

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(lead)}</p>
<h2>Metrics</h2>
<div class="wide">${htmlTable(metricsCells, 3)}</div>
${statuses ? `<h2>Runs</h2>\n<div class="wide">${htmlTable(statusCells(statuses), Number.POSITIVE_INFINITY)}</div>` : ''}
<ul class="notes">
${[...legend, ...allNotes].map((n) => `<li>${escapeHtml(n)}</li>`).join('\n')}
</ul>
<h2>Configuration</h2>
${config.differing ? `<p>What differs between the runs:</p>\n<div class="wide">${htmlTable(config.differing, Number.POSITIVE_INFINITY)}</div>\n<p>Shared by every run:</p>` : ''}
${htmlTable(config.shared, Number.POSITIVE_INFINITY)}
${figures
  .map(
    (f) => `<figure id="figure-${escapeHtml(f.name)}">
<h2>${escapeHtml(f.heading)}</h2>
${f.html}
<figcaption>${escapeHtml(f.caption)}</figcaption>
</figure>`,
  )
  .join('\n')}
</body>
</html>
`;

  const markdown = `# ${title}

${lead}

## Metrics

${markdownTable(metricsCells)}
${statuses ? `\n## Runs\n\n${markdownTable(statusCells(statuses))}\n` : ''}
${[...legend, ...allNotes].map((n) => `- ${n}`).join('\n')}

## Configuration

${config.differing ? `What differs between the runs:\n\n${markdownTable(config.differing)}\n\nShared by every run:\n\n` : ''}${markdownTable(config.shared)}

${figures.map((f) => `## ${f.heading}\n\n![${f.heading}](figures/${figureFile(f)})\n\n${f.caption}\n`).join('\n')}`;

  const htmlPath = join(root, 'report.html');
  const markdownPath = join(root, 'report.md');
  writeFileAtomic(htmlPath, html);
  writeFileAtomic(markdownPath, markdown);
  return { html: htmlPath, markdown: markdownPath, figures: figurePaths, rows, table };
}
